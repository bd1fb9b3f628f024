/** Counts by status, in the order of urgency; each card opens the portfolio on that status. */
import { Text, UnstyledButton } from '@mantine/core'
import { Link } from 'wouter'
import { STATUS_LABELS, STORE_STATUSES } from '../../../../electron/shared/status'
import type { StoreStatus } from '../../../../electron/shared/status'
import { formatCount } from '../../lib/format'
import { STATUS_COLORS } from '../../lib/status-style'

export function StatusCounts({ counts }: { counts: Record<StoreStatus, number> }) {
  return (
    <nav aria-label="Stores by status" className="status-counts">
      {STORE_STATUSES.map((status) => {
        const count = counts[status] ?? 0
        const color = STATUS_COLORS[status]
        return (
          <UnstyledButton
            key={status}
            component={Link}
            href={`/portfolio?status=${status}`}
            className="status-count"
            data-empty={count === 0}
            style={{ borderLeftColor: `var(--mantine-color-${color}-${count === 0 ? 2 : 6})` }}
            data-testid={`count-${status}`}
          >
            <Text fz={22} fw={700} lh={1.1} c={count === 0 ? 'dimmed' : undefined}>
              {formatCount(count)}
            </Text>
            <Text size="xs" c={count === 0 ? 'dimmed' : `${color === 'gray' ? 'gray.7' : `${color}.9`}`} fw={500} lh={1.2}>
              {STATUS_LABELS[status]}
            </Text>
          </UnstyledButton>
        )
      })}
    </nav>
  )
}
