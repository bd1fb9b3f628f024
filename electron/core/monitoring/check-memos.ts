/**
 * What the checks of this process saw, as of the last completed one: each store's memo (its
 * records' fingerprint, when it was last looked at in full, and the first instant after that when
 * anything can happen to it with the same records). A run changes memos in place and undoes that
 * if it rolls back.
 */

export interface StoreMemo {
  fingerprint: number
  at: number
  until: number
  /** The last run that read the store (to forget deleted stores). */
  seenBy: number
}

export function createCheckMemos() {
  const memos = new Map<number, StoreMemo>()
  let undo: [number, StoreMemo | undefined][] = []

  return {
    get: (storeId: number) => memos.get(storeId),
    /** A run begins: what it changes from here can be undone. */
    begin(): void {
      undo = []
    },
    remember(storeId: number, memo: StoreMemo | undefined): void {
      undo.push([storeId, memos.get(storeId)])
      if (memo) memos.set(storeId, memo)
      else memos.delete(storeId)
    },
    /** The run rolled back: its memos go with it. */
    rollBack(): void {
      for (const [storeId, memo] of undo.reverse()) {
        if (memo) memos.set(storeId, memo)
        else memos.delete(storeId)
      }
      undo = []
    },
    /** Forgets the stores run `runId` did not see (deleted since). */
    forgetUnseen(runId: number, storesChecked: number): void {
      if (memos.size > storesChecked) for (const [storeId, memo] of memos) if (memo.seenBy !== runId) memos.delete(storeId)
    }
  }
}

export type CheckMemos = ReturnType<typeof createCheckMemos>
