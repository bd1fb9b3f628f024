import fs from 'node:fs'
import path from 'node:path'
import type { Dialog } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createFileSaver } from '../../../electron/main/file-saver'
import { tempDir } from './temp-dirs'

const request = { suggestedName: 'stores.csv', content: 'a,b\n1,2\n', filterName: 'CSV file', extensions: ['csv'] }

function saverAnswering(answer: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn(async () => answer)
  const saver = createFileSaver({ dialog: { showSaveDialog } as unknown as Dialog, getWindow: () => null, defaultDir: () => '/home/kam/Documents' })
  return { saver, showSaveDialog }
}

describe('createFileSaver', () => {
  it('writes the content where the KAM chose', async () => {
    const target = path.join(tempDir(), 'export.csv')
    const { saver, showSaveDialog } = saverAnswering({ canceled: false, filePath: target })
    expect(await saver.saveText(request)).toEqual({ saved: true, path: target })
    expect(fs.readFileSync(target, 'utf8')).toBe(request.content)
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join('/home/kam/Documents', 'stores.csv'),
      filters: [{ name: 'CSV file', extensions: ['csv'] }]
    })
  })

  it('lets a writer fill the chosen file itself (content too large for one string)', async () => {
    const target = path.join(tempDir(), 'problems.csv')
    const { saver } = saverAnswering({ canceled: false, filePath: target })
    const writeTo = vi.fn(async (filePath: string) => fs.promises.writeFile(filePath, 'row,problem\r\n'))
    expect(await saver.saveText({ ...request, content: { writeTo } })).toEqual({ saved: true, path: target })
    expect(writeTo).toHaveBeenCalledWith(target)
    expect(fs.readFileSync(target, 'utf8')).toBe('row,problem\r\n')
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const { saver } = saverAnswering({ canceled: true, filePath: '' })
    const writeTo = vi.fn(async () => undefined)
    expect(await saver.saveText(request)).toEqual({ saved: false })
    expect(await saver.saveText({ ...request, content: { writeTo } })).toEqual({ saved: false })
    expect(writeTo).not.toHaveBeenCalled()
  })
})
