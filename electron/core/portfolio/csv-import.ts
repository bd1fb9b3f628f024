/** CSV import: parse, check every row, preview, then write in one transaction. (Being written for issue #2.) */
import type { ConflictAction, ImportCommitResult, ImportPreview, ImportProgress } from '../../shared/csv-import'
import type { Clock, Logger } from '../ports'
import type { StoreService } from './store-service'

export interface ImportServiceDeps {
  stores: StoreService
  clock: Clock
  logger: Logger
}

export interface PreviewRequest {
  requestId: string
  fileName: string
  bytes: Uint8Array
}

export interface CommitRequest {
  previewId: string
  defaultConflictAction: ConflictAction
  conflictActions: Record<string, ConflictAction>
}

export type ProgressListener = (progress: ImportProgress) => void

export interface ImportService {
  preview(request: PreviewRequest, onProgress: ProgressListener): Promise<ImportPreview>
  commit(request: CommitRequest, onProgress: ProgressListener): ImportCommitResult
  discard(previewId: string): void
  templateCsv(): string
}

export function createImportService(deps: ImportServiceDeps): ImportService {
  void deps
  throw new Error('CSV import is not built yet')
}
