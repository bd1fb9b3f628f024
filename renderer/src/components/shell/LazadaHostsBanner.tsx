/**
 * A strip under the header, on every screen, while Storewatch does not talk to Lazada's own hosts
 * as usual: the `--lazada-hosts` start-up option is in force (a proxy or test server — named, so
 * its pages never pass for Lazada's), the option was given but ignored, or settings saved by an
 * earlier version named hosts of their own (ignored now).
 */
import { Anchor, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import { Fragment, useEffect } from 'react'
import { Link } from 'wouter'
import { LAZADA_HOSTS_FLAG } from '../../../../electron/shared/lazada-hosts'
import type { LazadaHostsView } from '../../../../electron/shared/lazada-hosts'
import { useLazadaHostsStore } from '../../stores/useLazadaHostsStore'
import { LAZADA_SETTINGS_PATH } from '../common/SettingsLink'

type Notice = { tone: 'warning' | 'problem' | 'info'; text: string }

/** What the banner says, or null when Lazada's own hosts are used and nothing was ignored. */
export function hostsNotice(view: LazadaHostsView): Notice | null {
  if (view.override) {
    const how = view.override.source === 'flag' ? `the ${LAZADA_HOSTS_FLAG} start-up option` : 'the STOREWATCH_LAZADA_HOSTS variable'
    return {
      tone: 'warning',
      text: `Not Lazada’s own hosts: the seller and Storewatch’s Lazada calls go to ${view.override.origins.join(', ')}, as ${how} says. Only for a proxy the integrator runs, or for tests.`
    }
  }
  if (view.overrideProblem) return { tone: 'problem', text: `The ${LAZADA_HOSTS_FLAG} start-up option was ignored — ${view.overrideProblem} Storewatch uses Lazada’s own hosts.` }
  if (view.ignoredSaved.length) {
    return {
      tone: 'info',
      text: `Settings saved by an earlier Storewatch named other Lazada hosts (${view.ignoredSaved.join(', ')}). They are ignored: Storewatch uses Lazada’s own.`
    }
  }
  return null
}

const TONES = {
  warning: { color: 'orange', bg: 'orange-1', Icon: IconAlertTriangle },
  problem: { color: 'red', bg: 'red-0', Icon: IconAlertTriangle },
  info: { color: 'yellow', bg: 'yellow-0', Icon: IconInfoCircle }
} as const

export function LazadaHostsBanner() {
  const view = useLazadaHostsStore((s) => s.view)
  const load = useLazadaHostsStore((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  const notice = view && hostsNotice(view)
  if (!notice) return null
  const tone = TONES[notice.tone]
  return (
    <Group
      role={notice.tone === 'info' ? 'status' : 'alert'}
      aria-label="Lazada hosts"
      data-testid="lazada-hosts-banner"
      gap="xs"
      wrap="nowrap"
      px="md"
      py={6}
      style={{ background: `var(--mantine-color-${tone.bg})`, borderBottom: `1px solid var(--mantine-color-${tone.color}-4)`, flexShrink: 0 }}
    >
      <tone.Icon size={16} color={`var(--mantine-color-${tone.color}-8)`} style={{ flexShrink: 0 }} aria-hidden />
      <Text size="sm" c={`${tone.color}.9`} style={{ flex: 1, minWidth: 0 }}>
        {notice.text.split(LAZADA_HOSTS_FLAG).map((part, i) => (
          <Fragment key={i}>
            {i > 0 && <span style={{ whiteSpace: 'nowrap' }}>{LAZADA_HOSTS_FLAG}</span>}
            {part}
          </Fragment>
        ))}
      </Text>
      <Anchor component={Link} href={LAZADA_SETTINGS_PATH} size="sm" fw={600} c={`${tone.color}.9`} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
        See the hosts
      </Anchor>
    </Group>
  )
}
