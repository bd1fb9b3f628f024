/**
 * Where Storewatch sends the seller and its Lazada calls, read-only: Lazada's own hosts are not a
 * setting. A proxy or a test server is put in their place only by the `--lazada-hosts` start-up
 * option; then the replaced hosts are marked here (and the shell shows a banner).
 */
import { Alert, Badge, Code, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import { useEffect } from 'react'
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import { LAZADA_AUTHORIZE_URL, LAZADA_AUTH_HOST, LAZADA_GATEWAYS, LAZADA_HOSTS_FLAG } from '../../../../electron/shared/lazada-hosts'
import type { LazadaHostsView } from '../../../../electron/shared/lazada-hosts'
import { countryName } from '../../lib/format'
import { useLazadaHostsStore } from '../../stores/useLazadaHostsStore'
import { LoadFailed } from '../common/LoadFailed'

function rows(view: LazadaHostsView): { label: string; inUse: string; lazadas: string }[] {
  return [
    { label: 'Authorization page', inUse: view.inUse.authorize, lazadas: LAZADA_AUTHORIZE_URL },
    { label: 'Tokens (every country)', inUse: view.inUse.auth, lazadas: LAZADA_AUTH_HOST },
    ...COVERED_COUNTRIES.map((c) => ({ label: `${countryName(c)} gateway`, inUse: view.inUse.gateways[c], lazadas: LAZADA_GATEWAYS[c] }))
  ]
}

function Notices({ view }: { view: LazadaHostsView }) {
  return (
    <>
      {view.override && (
        <Alert color="orange" variant="light" p="sm" icon={<IconAlertTriangle size={18} />} title="Replaced at start-up" data-testid="hosts-override">
          <Text size="sm">
            Storewatch was started with {view.override.source === 'flag' ? <Code>{LAZADA_HOSTS_FLAG}</Code> : <Code>STOREWATCH_LAZADA_HOSTS</Code>}: the
            hosts marked “replaced” go to {view.override.origins.join(', ')} instead of Lazada. Start Storewatch without it to use Lazada’s own.
          </Text>
        </Alert>
      )}
      {view.overrideProblem && (
        <Alert color="red" variant="light" p="sm" icon={<IconAlertTriangle size={18} />} title="The start-up option was ignored" data-testid="hosts-override-problem">
          <Text size="sm">{view.overrideProblem} Storewatch uses Lazada’s own hosts.</Text>
        </Alert>
      )}
      {view.ignoredSaved.length > 0 && (
        <Alert color="yellow" variant="light" p="sm" icon={<IconInfoCircle size={18} />} title="Saved hosts ignored" data-testid="hosts-ignored">
          <Text size="sm">
            An earlier Storewatch kept these hosts in the settings: {view.ignoredSaved.join(', ')}. They are no longer used, and saving the settings
            removes them. For a proxy, start Storewatch with <Code>{LAZADA_HOSTS_FLAG}=…</Code> (see the README).
          </Text>
        </Alert>
      )}
    </>
  )
}

export function LazadaHostsList() {
  const view = useLazadaHostsStore((s) => s.view)
  const error = useLazadaHostsStore((s) => s.error)
  const load = useLazadaHostsStore((s) => s.load)
  const refresh = useLazadaHostsStore((s) => s.refresh)
  useEffect(() => {
    void load()
  }, [load])

  if (!view) {
    return error ? <LoadFailed what="the Lazada hosts" error={error} onRetry={() => void refresh()} /> : <Loader size="xs" aria-label="Loading the Lazada hosts" />
  }
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Storewatch talks to Lazada’s own hosts; they are not a setting. An integrator who runs a proxy in front of Lazada starts Storewatch with{' '}
        <Code>{LAZADA_HOSTS_FLAG}=…</Code> (see the README), and the hosts it replaces are marked here.
      </Text>
      <Notices view={view} />
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="sm" aria-label="Lazada hosts in use" data-testid="lazada-hosts">
        <Table.Tbody>
          {rows(view).map((row) => {
            const replaced = row.inUse !== row.lazadas
            return (
              <Table.Tr key={row.label}>
                <Table.Th w={190} fw={500} fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {row.label}
                </Table.Th>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" ff="monospace" c={replaced ? 'orange.9' : undefined} style={{ wordBreak: 'break-all' }}>
                      {row.inUse}
                    </Text>
                    {replaced && (
                      <Badge color="orange" variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }} title={`Lazada’s own: ${row.lazadas}`}>
                        replaced
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
