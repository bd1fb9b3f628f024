/**
 * Stores two laptops created with one key, found on sync (issue #12, point 6): each offer names
 * both stores and the key; "Merge into <holder>" (after a confirmation that says what moves and
 * that the other store is deleted) or "Keep both" (the later store stays, without the key).
 */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { IconGitMerge } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'wouter'
import type { TeamMergeOffer } from '../../../../electron/shared/team'
import { plural } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useTeamStore } from '../../stores/useTeamStore'
import { ConfirmModal } from '../common/ConfirmModal'

const KEY_NAME: Record<TeamMergeOffer['by'], string> = { 'short-code': 'short code', 'login-email': 'login e-mail' }

function offerKey(offer: TeamMergeOffer): string {
  return `${offer.country} ${KEY_NAME[offer.by]} ${offer.value}`
}

function StoreLink({ store }: { store: TeamMergeOffer['holder'] }) {
  return (
    <Anchor component={Link} href={`/stores/${store.storeId}`} size="sm" fw={600}>
      {store.name}
    </Anchor>
  )
}

function OfferRow({ offer, onMerge }: { offer: TeamMergeOffer; onMerge(offer: TeamMergeOffer): void }) {
  const resolving = useTeamStore((s) => s.resolving)
  const resolveOffer = useTeamStore((s) => s.resolveOffer)

  async function onKeepBoth(): Promise<void> {
    const result = await resolveOffer(offer.id, 'keep-both')
    if (result.ok) toastSuccess('Both stores kept', `${offer.held.name} no longer has the ${KEY_NAME[offer.by]} ${offer.value}; ${offer.holder.name} keeps it.`)
    else toastError('Could not keep both stores', result.error.message)
  }

  return (
    <Stack gap={6} component="li" data-testid={`merge-offer-${offer.id}`} style={{ listStyle: 'none' }}>
      <Text size="sm">
        <StoreLink store={offer.holder} /> and <StoreLink store={offer.held} /> have the same {offerKey(offer)}. {offer.holder.name} was in the team first
        and holds the key.
      </Text>
      <Group gap="sm">
        <Button size="compact-sm" leftSection={<IconGitMerge size={14} />} onClick={() => onMerge(offer)} disabled={resolving !== null}>
          Merge into {offer.holder.name}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => void onKeepBoth()} loading={resolving === offer.id} disabled={resolving !== null && resolving !== offer.id}>
          Keep both
        </Button>
      </Group>
    </Stack>
  )
}

/** The offers, all of them or those about one store (its page shows only its own). */
export function TeamMergeOffers({ offers, title }: { offers: TeamMergeOffer[]; title?: string }) {
  const resolving = useTeamStore((s) => s.resolving)
  const resolveOffer = useTeamStore((s) => s.resolveOffer)
  const [merging, setMerging] = useState<TeamMergeOffer | null>(null)
  if (offers.length === 0) return null

  async function onMerge(): Promise<void> {
    if (!merging) return
    const offer = merging
    const result = await resolveOffer(offer.id, 'merge')
    setMerging(null)
    if (result.ok) toastSuccess(`Merged into ${offer.holder.name}`, `${offer.held.name} was deleted; its records and history are on ${offer.holder.name}.`)
    else toastError('Could not merge the stores', result.error.message)
  }

  return (
    <Alert color="orange" variant="light" icon={<IconGitMerge size={18} />} title={title ?? `${plural(offers.length, 'store pair')} to merge or keep`} data-testid="merge-offers">
      <Stack gap="sm" component="ul" m={0} p={0}>
        {offers.map((offer) => (
          <OfferRow key={offer.id} offer={offer} onMerge={setMerging} />
        ))}
      </Stack>
      <ConfirmModal
        opened={merging !== null}
        title={merging ? `Merge ${merging.held.name} into ${merging.holder.name}?` : ''}
        confirmLabel={merging ? `Merge into ${merging.holder.name}` : 'Merge'}
        busy={merging !== null && resolving === merging.id}
        onCancel={() => setMerging(null)}
        onConfirm={() => void onMerge()}
      >
        {merging && (
          <Text size="sm">
            The subscription, authorization and reconnect records, checklist runs, ticks and notes, client messages and history of {merging.held.name} move to{' '}
            {merging.holder.name}. Then {merging.held.name} is deleted, for everyone on the team.
          </Text>
        )}
      </ConfirmModal>
    </Alert>
  )
}
