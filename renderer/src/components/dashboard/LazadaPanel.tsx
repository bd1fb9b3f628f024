/**
 * What the checks learned from Lazada, on the dashboard: the stores whose Lazada End Time differs
 * from the KAM's, the ones Storewatch cannot check (no seller short code), the ones whose token
 * Lazada refused, and the last check's failures by cause — each group a link to those stores in
 * the portfolio. Hidden while checks do not ask Lazada (Settings says why).
 */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { IconCircleCheck } from '@tabler/icons-react'
import { Link } from 'wouter'
import type { LazadaOverviewItem, RemoteCheckSummary } from '../../../../electron/shared/lazada'
import { formatCount, formatRelative, plural } from '../../lib/format'
import { useChecksStore } from '../../stores/useChecksStore'
import { useLazadaStore } from '../../stores/useLazadaStore'
import { useAuthorizationReviewStore } from '../../stores/useAuthorizationReviewStore'
import { AuthorizationReviewModal } from '../lazada/AuthorizationReviewModal'
import { causeLabel } from '../lazada/lazada-text'

/** The portfolio's `?ids=` takes this many stores. */
const MAX_LINKED = 1000

interface StoreGroup {
  key: string
  count: number
  /** What these stores have in common, after "N stores". */
  what: string
  /** What to do about them. */
  todo: string
  color: string
  /** The stores, when all of them are known. */
  storeIds: number[] | null
}

function groupsOf(items: LazadaOverviewItem[], remote: RemoteCheckSummary | null): StoreGroup[] {
  const ids = (pick: (item: LazadaOverviewItem) => boolean) => items.filter(pick).map((item) => item.storeId)
  const disagree = ids((i) => i.disagrees)
  const cannot = ids((i) => i.cannotCheck)
  const refused = ids((i) => i.tokenNeedsAuthorization)
  const groups: StoreGroup[] = [
    {
      key: 'disagrees',
      count: disagree.length,
      what: 'Lazada’s End Time differs from yours',
      todo: 'The status follows Lazada; correct the record on each store’s page.',
      color: 'orange',
      storeIds: disagree
    },
    {
      key: 'refused',
      count: refused.length,
      what: 'Lazada refused the store’s token',
      todo: 'The seller must authorize again.',
      color: 'red',
      storeIds: refused
    },
    {
      key: 'cannot-check',
      count: cannot.length,
      what: 'can’t be checked with Lazada',
      todo: 'They have no seller short code: add it to each store.',
      color: 'gray',
      storeIds: cannot
    }
  ]
  for (const failure of remote?.failures ?? []) {
    groups.push({
      key: `failed:${failure.cause}`,
      count: failure.count,
      what: `not answered in the last check (${causeLabel(failure.cause)})`,
      todo: failure.message,
      color: 'red',
      storeIds: failure.storeIds.length === failure.count ? failure.storeIds : null
    })
  }
  return groups.filter((g) => g.count > 0)
}

function GroupRow({ group }: { group: StoreGroup }) {
  const label = `${plural(group.count, 'store')}: ${group.what}`
  const linked = group.storeIds && group.storeIds.length <= MAX_LINKED ? group.storeIds : null
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={`lazada-group-${group.key}`}>
      <Badge color={group.color} variant="light" radius="sm" miw={44} style={{ flexShrink: 0 }} aria-hidden>
        {formatCount(group.count)}
      </Badge>
      <Stack gap={0}>
        {linked ? (
          <Anchor component={Link} href={`/portfolio?ids=${linked.join(',')}`} size="sm" fw={500}>
            {label}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {label}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {group.todo}
        </Text>
      </Stack>
    </Group>
  )
}

/** "41 stores subscribed on Lazada need your authorization confirmed — Review". */
function ReviewRow() {
  const count = useAuthorizationReviewStore((s) => s.review?.stores.length ?? 0)
  const open = useAuthorizationReviewStore((s) => s.open)
  if (count === 0) return null
  return (
    <Group gap="sm" wrap="nowrap" data-testid="authorization-review-row">
      <Badge color="orange" variant="light" radius="sm" miw={44} style={{ flexShrink: 0 }} aria-hidden>
        {formatCount(count)}
      </Badge>
      <Text size="sm" fw={500}>
        {plural(count, 'store')} subscribed on Lazada {count === 1 ? 'needs' : 'need'} your authorization confirmed
      </Text>
      <Button size="compact-sm" variant="light" onClick={open}>
        Review
      </Button>
    </Group>
  )
}

export function LazadaPanel({ now }: { now: number }) {
  const overview = useLazadaStore((s) => s.overview)
  const lastRun = useChecksStore((s) => s.lastRun)
  const reviewCount = useAuthorizationReviewStore((s) => s.review?.stores.length ?? 0)
  useEffect(() => {
    void useAuthorizationReviewStore.getState().load()
  }, [lastRun])
  if (!overview || overview.remoteChecksOff !== null) return null
  const remote = lastRun?.remote?.state === 'done' ? lastRun.remote : null
  const groups = groupsOf(overview.items, remote)
  if (groups.length === 0 && reviewCount === 0 && !(remote && remote.answered > 0)) return null
  const at = lastRun ? (lastRun.finishedAt ?? lastRun.startedAt) : null

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="lazada-panel-title">
      <Group gap="xs" mb="sm" align="baseline">
        <Title order={3} size="h5" id="lazada-panel-title">
          What Lazada said
        </Title>
        {remote && at !== null && (
          <Text size="sm" c="dimmed">
            asked about {plural(remote.asked, 'store')} {formatRelative(at, Math.max(now, at))}, {formatCount(remote.answered)} answered
          </Text>
        )}
      </Group>
      <ReviewRow />
      <AuthorizationReviewModal />
      {groups.length ? (
        <Stack gap="xs" mt={reviewCount ? 'xs' : 0}>
          {groups.map((group) => (
            <GroupRow key={group.key} group={group} />
          ))}
        </Stack>
      ) : (
        <Group gap={6} wrap="nowrap">
          <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
          <Text size="sm" c="green.9">
            Lazada agrees with every End Time on record.
          </Text>
        </Group>
      )}
    </Card>
  )
}
