/**
 * The small marks the lists put on a store from `lazada:overview`: Lazada's End Time disagrees with
 * the KAM's, the store cannot be checked with Lazada (no seller short code), Lazada refused the
 * store's tokens. Each says why on hover. With `confirmed`, a store Lazada answered for without a
 * disagreement gets a quiet check mark ("Checked with Lazada").
 */
import { Badge, Group, Tooltip } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import type { LazadaOverviewItem } from '../../../../electron/shared/lazada'
import { formatStoreDate } from '../../lib/dates'
import { formatDateTime } from '../../lib/format'
import { useLazadaStore } from '../../stores/useLazadaStore'

export const BADGE_LABELS = {
  disagrees: 'Lazada disagrees',
  cannotCheck: 'Can’t check with Lazada',
  tokenRefused: 'Token refused'
} as const

interface LazadaBadgesProps {
  storeId: number
  country: string
  /** Also mark stores Lazada confirmed (the portfolio's column). */
  confirmed?: boolean
}

function Mark({ label, color, variant, why }: { label: string; color: string; variant: 'light' | 'outline'; why: string }) {
  return (
    <Tooltip label={why} openDelay={300} multiline maw={360}>
      <Badge size="xs" color={color} variant={variant} radius="sm" tt="none" fw={600} style={{ flexShrink: 0 }} data-testid="lazada-badge">
        {label}
      </Badge>
    </Tooltip>
  )
}

export function LazadaBadges({ storeId, country, confirmed = false }: LazadaBadgesProps) {
  const item: LazadaOverviewItem | undefined = useLazadaStore((s) => s.byStore[storeId])
  // "Cannot check" is news only while checks ask Lazada.
  const checksOff = useLazadaStore((s) => s.overview?.remoteChecksOff ?? null)
  if (!item) return null
  const marks = []
  if (item.disagrees) marks.push(<Mark key="disagrees" label={BADGE_LABELS.disagrees} color="orange" variant="light" why={item.message} />)
  if (item.tokenNeedsAuthorization) {
    marks.push(
      <Mark
        key="token"
        label={BADGE_LABELS.tokenRefused}
        color="red"
        variant="light"
        why={item.disagrees || item.cannotCheck ? 'Lazada refused the store’s tokens: the seller must authorize again.' : item.message}
      />
    )
  }
  if (item.cannotCheck && checksOff === null) {
    marks.push(
      <Mark
        key="cannot"
        label={BADGE_LABELS.cannotCheck}
        color="gray"
        variant="outline"
        why={item.disagrees ? 'No seller short code: Storewatch cannot check this store with Lazada.' : item.message}
      />
    )
  }
  if (marks.length === 0 && confirmed && item.checkedAt !== null && item.lazadaEndAt !== null) {
    const why = `Lazada’s End Time: ${formatStoreDate(item.lazadaEndAt, country)}, the same day as yours (checked ${formatDateTime(item.checkedAt)})`
    return (
      <Tooltip label={why} openDelay={300}>
        <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-label="Checked with Lazada" role="img" style={{ verticalAlign: 'middle' }} />
      </Tooltip>
    )
  }
  if (marks.length === 0) return null
  return (
    <Group gap={4} wrap="nowrap" component="span" display="inline-flex" style={{ verticalAlign: 'middle' }}>
      {marks}
    </Group>
  )
}
