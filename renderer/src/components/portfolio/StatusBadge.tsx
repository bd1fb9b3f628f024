import { Badge } from '@mantine/core'
import { PORTFOLIO_STATUS_LABELS } from '../../../../electron/shared/portfolio'
import type { PortfolioStatus } from '../../../../electron/shared/portfolio'

const COLORS: Record<PortfolioStatus, string> = { active: 'teal', 'out-of-scope': 'orange', archived: 'gray' }

export function StatusBadge({ status, size = 'sm' }: { status: PortfolioStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={COLORS[status]} variant="light" size={size} radius="sm" tt="none" fw={600}>
      {PORTFOLIO_STATUS_LABELS[status]}
    </Badge>
  )
}
