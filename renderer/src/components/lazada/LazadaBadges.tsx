/**
 * The small marks the lists put on a store from `lazada:overview`: Lazada's End Time disagrees with
 * the KAM's, the store cannot be checked with Lazada (no seller short code), Lazada refused the
 * store's tokens. Each says why on hover and focus (the shared HoverTip). With `confirmed`, a store
 * Lazada answered for without a disagreement gets a quiet check mark ("Checked with Lazada").
 * Plain elements: the lists draw them in every row while scrolling.
 */
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

type Tone = 'orange' | 'red' | 'gray'

function Mark({ label, tone, why }: { label: string; tone: Tone; why: string }) {
  return (
    <span className="lazada-mark" data-tone={tone} data-tip={why} data-testid="lazada-badge">
      {label}
    </span>
  )
}

/** Whether the overview would put any mark in a list: else the portfolio leaves its Lazada column out. */
export function lazadaHasMarks(items: readonly LazadaOverviewItem[], checksOff: string | null): boolean {
  return items.some(
    (item) => item.disagrees || item.tokenNeedsAuthorization || (item.cannotCheck && checksOff === null) || (item.checkedAt !== null && item.lazadaEndAt !== null)
  )
}

export function LazadaBadges({ storeId, country, confirmed = false }: LazadaBadgesProps) {
  const item: LazadaOverviewItem | undefined = useLazadaStore((s) => s.byStore[storeId])
  // "Cannot check" is news only while checks ask Lazada.
  const checksOff = useLazadaStore((s) => s.overview?.remoteChecksOff ?? null)
  if (!item) return null
  const marks = []
  if (item.disagrees) marks.push(<Mark key="disagrees" label={BADGE_LABELS.disagrees} tone="orange" why={item.message} />)
  if (item.tokenNeedsAuthorization) {
    const why = item.disagrees || item.cannotCheck ? 'Lazada refused the store’s tokens: the seller must authorize again.' : item.message
    marks.push(<Mark key="token" label={BADGE_LABELS.tokenRefused} tone="red" why={why} />)
  }
  if (item.cannotCheck && checksOff === null) {
    const why = item.disagrees ? 'No seller short code: Storewatch cannot check this store with Lazada.' : item.message
    marks.push(<Mark key="cannot" label={BADGE_LABELS.cannotCheck} tone="gray" why={why} />)
  }
  if (marks.length === 0 && confirmed && item.checkedAt !== null && item.lazadaEndAt !== null) {
    const why = `Lazada’s End Time: ${formatStoreDate(item.lazadaEndAt, country)}, the same day as yours (checked ${formatDateTime(item.checkedAt)})`
    return (
      <span className="lazada-checked" data-tip={why}>
        <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-label="Checked with Lazada" role="img" />
      </span>
    )
  }
  if (marks.length === 0) return null
  return <span className="lazada-marks">{marks}</span>
}
