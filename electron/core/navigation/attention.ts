/**
 * How many stores need action, as the tray and the taskbar show it: the tray's tooltip and menu
 * header, the macOS menu-bar title, the dock/launcher badge and the Windows taskbar overlay.
 */

/** Windows overlays are 16 px: counts above this show as "9+". */
export const MAX_OVERLAY_COUNT = 9

export interface AttentionSummary {
  /** Stores needing action; null when the count could not be read. */
  count: number | null
  /** "3 stores need action", "All stores fine", or "Storewatch" when the count is unknown. */
  label: string
  /** Tray tooltip: "Storewatch — 3 stores need action". */
  tooltip: string
  /** macOS menu-bar text beside the icon: the count, or nothing. */
  trayTitle: string
  /** `app.setBadgeCount` (macOS dock, Linux Unity launcher); 0 clears it. */
  badgeCount: number
  /** Windows taskbar overlay: an image from the tray folder and its screen-reader text; null clears it. */
  overlay: { icon: string; description: string } | null
}

export function attentionSummary(count: number | null): AttentionSummary {
  if (count === null || !Number.isFinite(count)) {
    return { count: null, label: 'Storewatch', tooltip: 'Storewatch', trayTitle: '', badgeCount: 0, overlay: null }
  }
  const n = Math.max(0, Math.floor(count))
  if (n === 0) {
    return { count: 0, label: 'All stores fine', tooltip: 'Storewatch — all stores fine', trayTitle: '', badgeCount: 0, overlay: null }
  }
  const label = n === 1 ? '1 store needs action' : `${n} stores need action`
  return {
    count: n,
    label,
    tooltip: `Storewatch — ${label}`,
    trayTitle: String(n),
    badgeCount: n,
    overlay: { icon: overlayIconFile(n), description: label }
  }
}

/** `badge-3.png` … `badge-9.png`, then `badge-9plus.png` (drawn by build/tray/make-tray-icons.sh). */
export function overlayIconFile(count: number): string {
  return count > MAX_OVERLAY_COUNT ? `badge-${MAX_OVERLAY_COUNT}plus.png` : `badge-${count}.png`
}

export type TrayMenuAction = 'open' | 'check-now' | 'quit'

export type TrayMenuEntry =
  | { type: 'status'; label: string }
  | { type: 'separator' }
  | { type: 'action'; action: TrayMenuAction; label: string; enabled: boolean }

/**
 * The tray's context menu. The first line repeats the count, because Linux panels often show no
 * tooltip. "Check now" is greyed while a check the tray asked for is running.
 */
export function trayMenu(summary: AttentionSummary, options: { checking: boolean }): TrayMenuEntry[] {
  return [
    { type: 'status', label: summary.label },
    { type: 'separator' },
    { type: 'action', action: 'open', label: 'Open Storewatch', enabled: true },
    { type: 'action', action: 'check-now', label: options.checking ? 'Checking…' : 'Check now', enabled: !options.checking },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: 'Quit', enabled: true }
  ]
}
