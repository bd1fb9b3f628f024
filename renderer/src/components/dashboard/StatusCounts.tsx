/**
 * Counts by status, in the order of urgency; each card opens the portfolio on that status (and,
 * in "My stores", on the KAM's owner names), so the portfolio lists what the card counted.
 */
import { Text, UnstyledButton } from '@mantine/core'
import { Link } from 'wouter'
import { STATUS_LABELS, STORE_STATUSES } from '../../../../electron/shared/status'
import type { StoreStatus } from '../../../../electron/shared/status'
import { formatCount } from '../../lib/format'
import { STATUS_COLORS } from '../../lib/status-style'

/** The portfolio on one status, narrowed to the given owners when there are some. */
export function statusHref(status: StoreStatus, owners: readonly string[] | null): string {
  const params = new URLSearchParams({ status })
  for (const owner of owners ?? []) params.append('owner', owner)
  return `/portfolio?${params.toString()}`
}

export function StatusCounts({ counts, owners = null }: { counts: Record<StoreStatus, number>; owners?: readonly string[] | null }) {
  return (
    <nav aria-label="Stores by status" className="status-counts">
      {STORE_STATUSES.map((status) => {
        const count = counts[status] ?? 0
        const color = STATUS_COLORS[status]
        return (
          <UnstyledButton
            key={status}
            component={Link}
            href={statusHref(status, owners)}
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
