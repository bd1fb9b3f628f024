/** The FileSaver port over the native save dialog. */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron'
import type { FileSaver } from '../core/ports'

export function createFileSaver(options: {
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** The window the dialog belongs to, when there is one. */
  getWindow: () => BrowserWindow | null
  /** Folder the dialog opens in (the KAM's Documents). */
  defaultDir: () => string
}): FileSaver {
  return {
    async saveText({ suggestedName, content, filterName, extensions }) {
      const dialogOptions: SaveDialogOptions = {
        defaultPath: path.join(options.defaultDir(), suggestedName),
        filters: [{ name: filterName, extensions }]
      }
      const window = options.getWindow()
      const choice = window ? await options.dialog.showSaveDialog(window, dialogOptions) : await options.dialog.showSaveDialog(dialogOptions)
      if (choice.canceled || !choice.filePath) return { saved: false }
      if (typeof content === 'string') await fs.promises.writeFile(choice.filePath, content, 'utf8')
      else await content.writeTo(choice.filePath)
      return { saved: true, path: choice.filePath }
    }
  }
}
