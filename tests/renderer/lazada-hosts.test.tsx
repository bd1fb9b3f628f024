/**
 * Lazada's hosts as the KAM sees them: a banner on every screen while the `--lazada-hosts`
 * start-up option is in force (or was ignored, or an earlier version's saved hosts are ignored),
 * and the hosts in use in Settings → Lazada connection, read-only, those replaced marked.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LAZADA_GATEWAYS } from '../../electron/shared/lazada-hosts'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { installFakeBridge, READY_INTEGRATOR } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const MOCK = 'http://127.0.0.1:41234'

function replaced(bridge: FakeBridge): void {
  bridge.lazadaHosts = {
    inUse: { authorize: `${MOCK}/oauth/authorize`, auth: `${MOCK}/rest`, gateways: { ...LAZADA_GATEWAYS, SG: `${MOCK}/sg/rest` } },
    override: { source: 'flag', origins: [MOCK] },
    overrideProblem: null,
    ignoredSaved: []
  }
}

const banner = () => screen.findByRole('alert', { name: 'Lazada hosts' })

describe('the Lazada hosts banner', () => {
  it('is not there with Lazada’s own hosts', async () => {
    const bridge = installFakeBridge()
    renderApp('#/')
    await waitFor(() => expect(bridge.inputsTo('lazada:hosts')).toHaveLength(1))
    expect(screen.queryByTestId('lazada-hosts-banner')).not.toBeInTheDocument()
  })

  it('names the hosts the start-up option puts in Lazada’s place, on every screen, and leads to them', async () => {
    const bridge = installFakeBridge()
    replaced(bridge)
    const { user } = renderApp('#/')
    expect(await banner()).toHaveTextContent(`Not Lazada’s own hosts: the seller and Storewatch’s Lazada calls go to ${MOCK}, as the --lazada-hosts start-up option says.`)
    await user.click(screen.getByRole('link', { name: 'Portfolio' }))
    expect(await banner()).toBeInTheDocument()
    await user.click(within(await banner()).getByRole('link', { name: 'See the hosts' }))
    const section = await screen.findByRole('region', { name: 'Lazada connection' })
    expect(await within(section).findByTestId('hosts-override')).toHaveTextContent(`go to ${MOCK} instead of Lazada`)
    // Asked once for the whole session.
    expect(bridge.inputsTo('lazada:hosts')).toHaveLength(1)
  })

  it('says when the start-up option was ignored, and why', async () => {
    const bridge = installFakeBridge()
    bridge.lazadaHosts = { ...bridge.lazadaHosts, overrideProblem: '--lazada-hosts is not valid JSON.' }
    renderApp('#/')
    expect(await banner()).toHaveTextContent('The --lazada-hosts start-up option was ignored — --lazada-hosts is not valid JSON. Storewatch uses Lazada’s own hosts.')
  })

  it('tells about saved hosts an earlier version kept, until the settings are saved', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
    bridge.lazadaHosts = { ...bridge.lazadaHosts, ignoredSaved: ['https://auth.lazada.com.evil.test/oauth/authorize'] }
    const { user } = renderApp('#/settings?section=lazada')
    const notice = await screen.findByRole('status', { name: 'Lazada hosts' })
    expect(notice).toHaveTextContent('Settings saved by an earlier Storewatch named other Lazada hosts (https://auth.lazada.com.evil.test/oauth/authorize). They are ignored')
    const section = await screen.findByRole('region', { name: 'Lazada connection' })
    expect(await within(section).findByTestId('hosts-ignored')).toHaveTextContent('saving the settings removes them')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(screen.queryByTestId('lazada-hosts-banner')).not.toBeInTheDocument())
    expect(within(section).queryByTestId('hosts-ignored')).not.toBeInTheDocument()
  })
})

describe('Settings → Lazada connection with the start-up option in force', () => {
  it('opens the hosts, marks each one replaced, and still has no field to edit them', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
    replaced(bridge)
    renderApp('#/settings?section=lazada')
    const section = await screen.findByRole('region', { name: 'Lazada connection' })
    await waitFor(() => expect(within(section).getByRole('button', { name: 'API hosts and call rate' })).toHaveAttribute('aria-expanded', 'true'))
    expect(within(section).getByTestId('api-hosts-summary')).toHaveTextContent('Hosts replaced at start-up · 10 calls/s per API')
    const hosts = within(section).getByRole('table', { name: 'Lazada hosts in use' })
    expect(within(hosts).getByRole('row', { name: /Authorization page/ })).toHaveTextContent(`${MOCK}/oauth/authorizereplaced`)
    expect(within(hosts).getByRole('row', { name: /Singapore gateway/ })).toHaveTextContent(`${MOCK}/sg/restreplaced`)
    expect(within(hosts).getByRole('row', { name: /Malaysia gateway/ })).toHaveTextContent(LAZADA_GATEWAYS.MY)
    expect(within(hosts).getAllByText('replaced')).toHaveLength(3)
    expect(within(section).queryByRole('textbox', { name: /gateway|Tokens/ })).not.toBeInTheDocument()
  })
})
