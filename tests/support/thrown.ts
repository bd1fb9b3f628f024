import { AppError } from '../../electron/core/errors'

/** The AppError `work` throws (the message a KAM would read); fails the test if it throws none. */
export function thrown(work: () => unknown): AppError {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

/** The AppError `work` rejects with; fails the test if it resolves or rejects with something else. */
export async function rejected(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}
