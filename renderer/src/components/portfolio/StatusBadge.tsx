/**
 * A status as a small dot badge. A plain element styled in app.css rather than a Mantine Badge:
 * the lists draw hundreds of them while scrolling.
 */
import type { CSSProperties } from 'react'
import { PORTFOLIO_STATUS_LABELS } from '../../../../electron/shared/portfolio'
import type { PortfolioStatus } from '../../../../electron/shared/portfolio'
import { STATUS_COLORS, statusTone } from '../../lib/status-style'

export function StatusBadge({ status, size = 'sm' }: { status: PortfolioStatus; size?: 'sm' | 'md' | 'lg' }) {
  const tone = statusTone(status)
  const style = {
    '--status-bg': tone.background,
    '--status-fg': tone.color,
    '--status-bd': tone.border,
    '--status-dot': `var(--mantine-color-${STATUS_COLORS[status]}-filled)`
  } as CSSProperties
  return (
    <span className="status-badge" data-size={size} data-status={status} style={style}>
      {PORTFOLIO_STATUS_LABELS[status]}
    </span>
  )
}
