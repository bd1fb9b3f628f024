/**
 * The previews main keeps until they are committed: for each, what the KAM saw and the file's
 * bytes with the store each planned row matched (a few bytes a row), never the rows themselves.
 * A preview lives 30 minutes and is used once; the newest few are kept, within a byte budget.
 */
import type { ImportPreview } from '../../shared/csv-import'
import { AppError } from '../errors'
import type { Clock } from '../ports'

export const PREVIEW_TTL_MS = 30 * 60 * 1000
export const MAX_KEPT_PREVIEWS = 3
const MAX_KEPT_BYTES = 100 * 1024 * 1024

/** What a task borrows from a preview, and gives back with its answer. */
export interface PreviewFiles {
  bytes: Uint8Array
  /** The store each planned row matched at the preview (0: none), in row order. */
  matches: Float64Array
}

interface KeptPreview {
  createdAt: number
  preview: ImportPreview
  /** Away while a task of this preview has them (they move to the worker). */
  files: PreviewFiles
  /** The task that has them, if any: the next one waits for it. */
  busy: Promise<unknown> | null
}

/** A task's outcome: the files back (null: forget the preview), and what to answer. */
export interface Lent<T> {
  files: PreviewFiles | null
  value: T
}

export function createKeptPreviews(clock: Clock) {
  const kept = new Map<string, KeptPreview>()

  function sweep(): void {
    const now = clock.now()
    for (const [id, entry] of kept) if (now - entry.createdAt > PREVIEW_TTL_MS) kept.delete(id)
  }

  function get(previewId: string): KeptPreview {
    sweep()
    const entry = kept.get(previewId)
    if (!entry) {
      throw new AppError(
        'import-expired',
        'This import preview is no longer available (it expired after 30 minutes, was replaced by newer ones, or was already imported). Choose the file again.'
      )
    }
    return entry
  }

  return {
    keep(preview: ImportPreview, files: PreviewFiles): void {
      sweep()
      kept.set(preview.previewId, { createdAt: clock.now(), preview, files, busy: null })
      const bytesKept = () => [...kept.values()].reduce((sum, e) => sum + e.files.bytes.byteLength, 0)
      while (kept.size > 1 && (kept.size > MAX_KEPT_PREVIEWS || bytesKept() > MAX_KEPT_BYTES)) {
        const oldest = kept.keys().next().value
        if (oldest === undefined) break
        kept.delete(oldest)
      }
    },

    /** What the KAM was shown; throws `import-expired` for a preview no longer kept. */
    preview(previewId: string): ImportPreview {
      return get(previewId).preview
    },

    discard(previewId: string): void {
      kept.delete(previewId)
    },

    /**
     * Lends a preview's files to one task at a time. A task that throws took them with it (they
     * were moved to a worker that stopped): the preview is forgotten.
     */
    async lend<T>(previewId: string, task: (files: PreviewFiles) => Promise<Lent<T>>): Promise<T> {
      let entry = get(previewId)
      while (entry.busy) {
        await entry.busy.catch(() => undefined)
        entry = get(previewId)
      }
      const running = task(entry.files)
      entry.busy = running
      try {
        const { files, value } = await running
        if (files) entry.files = files
        else kept.delete(previewId)
        return value
      } catch (error) {
        kept.delete(previewId)
        throw error
      } finally {
        entry.busy = null
      }
    }
  }
}

export type KeptPreviews = ReturnType<typeof createKeptPreviews>
