/**
 * One colour per status, coded by severity so a screenful reads at a glance: red when orders have
 * stopped or cannot start, orange when the seller must act, yellow when time is running out, green
 * when all is well, gray when there is nothing to watch.
 */
import type { PortfolioStatus } from '../../../electron/shared/portfolio'

export const STATUS_COLORS: Record<PortfolioStatus, string> = {
  expired: 'red',
  'needs-subscription': 'red',
  'needs-authorization': 'orange',
  'needs-reconnect': 'orange',
  expiring: 'yellow',
  'legacy-grace': 'yellow',
  unknown: 'gray',
  'app-not-published': 'grape',
  healthy: 'green',
  'out-of-scope': 'gray',
  archived: 'gray'
}

/** Light backgrounds with dark text: readable in every hue (Mantine's light yellow is not). */
export function statusTone(status: PortfolioStatus): { background: string; color: string; border: string } {
  const color = STATUS_COLORS[status]
  return {
    background: `var(--mantine-color-${color}-0)`,
    color: `var(--mantine-color-${color}-9)`,
    border: `var(--mantine-color-${color}-3)`
  }
}
