/**
 * A store's place in the team (issue #12), on its page: "Watch" (this person's reminders then
 * cover the store as if they owned it; kept on this laptop only) and the merge offers this store
 * is part of. Watching counts where reminders are narrowed to one's own stores ("Remind me only
 * about my stores", reminder-scope.ts), so the toggle is there when that is on, or on a team,
 * where other people's stores are the point (and it says what to turn on for it to count). Solo
 * with every store reminding, it would change nothing, so it is not shown.
 */
import { Card, Stack, Switch, Text } from '@mantine/core'
import { useEffect } from 'react'
import type { Store } from '../../../../electron/shared/portfolio'
import { toastError } from '../../lib/toast'
import { effectiveScope } from '../../../../electron/shared/my-stores'
import { useSettingsStore } from '../../stores/useSettingsStore'
import { useTeamStore } from '../../stores/useTeamStore'
import { TeamMergeOffers } from '../settings/TeamMergeOffers'

const WATCH_DESCRIPTION_ID = 'store-watch-description'

function WatchToggle({ store, counts }: { store: Store; counts: boolean }) {
  const watched = useTeamStore((s) => s.watches[store.id])
  const loadWatched = useTeamStore((s) => s.loadWatched)
  const setWatched = useTeamStore((s) => s.setWatched)

  useEffect(() => {
    void loadWatched(store.id)
  }, [loadWatched, store.id])

  async function onChange(next: boolean): Promise<void> {
    const result = await setWatched(store.id, next)
    if (!result.ok) toastError(next ? 'Could not watch the store' : 'Could not stop watching the store', result.error.message)
  }

  return (
    <Stack gap={4}>
      <Switch
        label="Watch"
        aria-describedby={WATCH_DESCRIPTION_ID}
        checked={watched ?? false}
        disabled={watched === undefined}
        onChange={(e) => void onChange(e.currentTarget.checked)}
        styles={{ label: { fontWeight: 600 } }}
        data-testid="store-watch"
      />
      <Text size="xs" c="dimmed" id={WATCH_DESCRIPTION_ID} pl={54}>
        {counts
          ? `Your reminders cover this store as if you owned it${store.ownerKam ? ` (its owner is ${store.ownerKam})` : ''}.`
          : 'Your reminders cover this store as if you owned it once “Remind me only about my stores” is on (Settings → You); until then every store reminds you.'}{' '}
        Only you see that you watch it.
      </Text>
    </Stack>
  )
}

/** Beside the store's reminders: whether this person watches it. */
export function StoreWatchCard({ store }: { store: Store }) {
  const joined = useTeamStore((s) => s.view?.joined ?? false)
  const mineOnly = useSettingsStore((s) => (s.settings?.you ? effectiveScope(s.settings.you.remindersFor, s.settings.you.name) === 'mine' : false))
  if (!joined && !mineOnly) return null
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label="Watch">
      <WatchToggle store={store} counts={mineOnly} />
    </Card>
  )
}

/** At the top of the page: the stores this one may be a duplicate of, to merge or keep. */
export function StoreMergeNotice({ store }: { store: Store }) {
  const joined = useTeamStore((s) => s.view?.joined ?? false)
  const pending = useTeamStore((s) => s.view?.mergeOffers ?? 0)
  const offers = useTeamStore((s) => s.offers)
  const loadOffers = useTeamStore((s) => s.loadOffers)
  const mine = (offers ?? []).filter((o) => o.holder.storeId === store.id || o.held.storeId === store.id)

  useEffect(() => {
    if (joined && pending > 0 && offers === null) void loadOffers()
  }, [joined, pending, offers, loadOffers])

  if (!joined) return null
  return <TeamMergeOffers offers={mine} title="Another store has this store’s key" />
}
