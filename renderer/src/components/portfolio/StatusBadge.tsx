import { Badge } from '@mantine/core'
import { PORTFOLIO_STATUS_LABELS } from '../../../../electron/shared/portfolio'
import type { PortfolioStatus } from '../../../../electron/shared/portfolio'
import { STATUS_COLORS, statusTone } from '../../lib/status-style'

export function StatusBadge({ status, size = 'sm' }: { status: PortfolioStatus; size?: 'sm' | 'md' | 'lg' }) {
  const tone = statusTone(status)
  return (
    <Badge
      variant="dot"
      color={STATUS_COLORS[status]}
      size={size}
      radius="sm"
      tt="none"
      fw={600}
      data-status={status}
      styles={{ root: { background: tone.background, color: tone.color, borderColor: tone.border } }}
    >
      {PORTFOLIO_STATUS_LABELS[status]}
    </Badge>
  )
}
