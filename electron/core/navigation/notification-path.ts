/**
 * Where a click on a notification leads, as a path of the renderer's hash router. Main shows the
 * window and sends it this path (`app:navigate`), or opens a new window on `#<path>`.
 */
import type { NotificationTarget } from '../ports'

/** The portfolio list; `?ids=` narrows it to the stores of a digest notification. */
export const PORTFOLIO_PATH = '/portfolio'

export function storePath(storeId: number): string {
  return `/stores/${storeId}`
}

/**
 * A store's page for one store; the portfolio filtered to the digest's stores for several (in the
 * order given, without repeats). Anything that is not a store id is dropped, so the path never
 * carries more than digits and commas.
 */
export function notificationPath(target: NotificationTarget): string {
  if (target.kind === 'store') return isStoreId(target.storeId) ? storePath(target.storeId) : PORTFOLIO_PATH
  const ids = [...new Set(target.storeIds.filter(isStoreId))]
  return ids.length === 0 ? PORTFOLIO_PATH : `${PORTFOLIO_PATH}?ids=${ids.join(',')}`
}

/** The page to load in a window that does not exist yet, opened directly on `path`. */
export function entryUrlAt(entryUrl: string, path: string | null): string {
  if (!path || !path.startsWith('/')) return entryUrl
  return `${entryUrl.split('#')[0]}#${path}`
}

function isStoreId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0
}
