/**
 * Hash routing that keeps the query inside the hash: `#/portfolio?ids=3,8`. (wouter's own hash hook
 * moves a query into the page URL's search, where it would outlive the route it belongs to.) Main's
 * `app:navigate` paths (`/stores/12`, `/portfolio?ids=3,8`) go through `navigate` unchanged.
 */
import { useSyncExternalStore } from 'react'
import type { BaseLocationHook } from 'wouter'

const listeners = new Set<() => void>()

function onHashChange(): void {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) addEventListener('hashchange', onHashChange)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) removeEventListener('hashchange', onHashChange)
  }
}

/** `#/portfolio?ids=1` → ['/portfolio', 'ids=1']. */
function splitHash(): [string, string] {
  const raw = location.hash.replace(/^#?\/?/, '')
  const at = raw.indexOf('?')
  const path = at < 0 ? raw : raw.slice(0, at)
  const search = at < 0 ? '' : raw.slice(at + 1)
  return [`/${path}`, search]
}

const currentPath = () => splitHash()[0]
const currentSearch = () => splitHash()[1]

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  const target = `#/${to.replace(/^#?\/?/, '')}`
  if (target === location.hash) return
  const oldURL = location.href
  const url = new URL(oldURL)
  url.hash = target
  history[replace ? 'replaceState' : 'pushState'](null, '', url.href)
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }))
}

export const useHashLocation: BaseLocationHook = () => [useSyncExternalStore(subscribe, currentPath, () => '/'), navigate]

function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, () => '')
}

useHashLocation.searchHook = useHashSearch
useHashLocation.hrefs = (href: string) => `#${href}`
