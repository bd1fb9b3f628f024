/**
 * The team in the renderer (issue #12): Settings → Team's connection form (checked, saved, the
 * password never shown), the join preview with every match, joining and leaving behind their
 * confirmations, the header's team state, live, the merge offers and Watch on a store page.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatDateTime } from '../../renderer/src/lib/format'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import { makeMatch, makeMergeOffer, TEAM_CONNECTION } from './support/fake-team'
import { fill, renderApp } from './support/render-app'

function team(): HTMLElement {
  return screen.getByRole('region', { name: 'Team' })
}

async function openTeamSettings() {
  const view = renderApp('#/settings?section=team')
  await screen.findByRole('region', { name: 'Team' })
  await within(team()).findByRole('button', { name: 'Save connection' })
  return view
}

function field(label: string | RegExp): HTMLElement {
  return within(team()).getByLabelText(label)
}

async function header(): Promise<HTMLElement> {
  return screen.findByTestId('team-state-header')
}

describe('Settings → Team: the connection', () => {
  it('names each missing field, refuses no TLS to another computer, and saves the password without showing it again', async () => {
    const bridge = installFakeBridge()
    const { user } = await openTeamSettings()
    expect(within(team()).getByTestId('team-solo')).toHaveTextContent('Not on a team')
    expect(within(team()).getByTestId('team-password-state')).toHaveTextContent('Not saved')
    expect(within(team()).getByRole('radio', { name: /verify-full/ })).toBeChecked()

    await user.click(within(team()).getByRole('button', { name: 'Save connection' }))
    const problems = await within(team()).findByTestId('team-form-problems')
    expect(problems).toHaveTextContent('Host: Enter the PostgreSQL server’s host name')
    expect(problems).toHaveTextContent('Database: Enter the database’s name')
    expect(problems).toHaveTextContent('User: Enter your PostgreSQL user')
    expect(bridge.inputsTo('team:save-connection')).toHaveLength(0)

    await fill(user, field(/^Host/), 'db.acme.example')
    await fill(user, field(/^Database/), 'storewatch')
    await fill(user, field(/^User/), 'maria')
    await user.click(within(team()).getByRole('radio', { name: /No TLS/ }))
    await user.click(within(team()).getByRole('button', { name: 'Save connection' }))
    expect(await within(team()).findByTestId('team-form-problems')).toHaveTextContent('TLS: Without TLS only this computer')
    expect(bridge.inputsTo('team:save-connection')).toHaveLength(0)

    await user.click(within(team()).getByRole('radio', { name: /verify-full/ }))
    await fill(user, field('Password'), 's3cret-pg')
    expect(within(team()).getByText('Unsaved changes')).toBeInTheDocument()
    expect(within(team()).getByRole('button', { name: 'Preview joining' })).toBeDisabled()
    await user.click(within(team()).getByRole('button', { name: 'Save connection' }))

    await waitFor(() =>
      expect(bridge.inputsTo('team:save-connection')).toEqual([
        { connection: { host: 'db.acme.example', port: 5432, database: 'storewatch', user: 'maria', tls: 'verify-full', caFile: null }, password: 's3cret-pg' }
      ])
    )
    await waitFor(() => expect(within(team()).getByTestId('team-password-state')).toHaveTextContent('Saved'))
    expect(field('Password')).toHaveValue('')
    expect(field(/^Host/)).toHaveValue('db.acme.example')
    expect(document.body.innerHTML).not.toContain('s3cret-pg')
    expect(within(team()).getByRole('button', { name: 'Preview joining' })).toBeEnabled()
  })

  it('allows no TLS on this computer, and puts main’s refusal on the field it names', async () => {
    const bridge = installFakeBridge()
    const { user } = await openTeamSettings()
    await fill(user, field(/^Host/), 'localhost')
    await fill(user, field(/^Database/), 'storewatch')
    await fill(user, field(/^User/), 'maria')
    await user.click(within(team()).getByRole('radio', { name: /No TLS/ }))
    await user.click(within(team()).getByRole('button', { name: 'Save connection' }))
    await waitFor(() => expect(bridge.lastInputTo('team:save-connection')?.connection).toMatchObject({ host: 'localhost', tls: 'disable' }))
    expect(bridge.lastInputTo('team:save-connection')).not.toHaveProperty('password')

    // Main's own checks, on the field they name.
    await user.clear(field(/^Host/))
    await fill(user, field(/^Host/), '127.0.0.1')
    bridge.handle('team:save-connection', () => ({
      ok: false,
      error: { code: 'invalid-input', message: 'One field needs fixing.', fields: [{ field: 'connection.database', message: 'No such database on the server' }] }
    }))
    await user.click(within(team()).getByRole('button', { name: 'Save connection' }))
    expect(await within(team()).findByTestId('team-form-problems')).toHaveTextContent('Database: No such database on the server')
  })
})

describe('Settings → Team: joining', () => {
  it('previews every match, page by page, with the counts both ways, and joins only after the confirmation', async () => {
    const bridge = installFakeBridge()
    bridge.team.view = { ...bridge.team.view, connection: TEAM_CONNECTION, passwordSaved: true }
    bridge.team.preview = { ...bridge.team.preview, matches: Array.from({ length: 60 }, (_, i) => makeMatch(i + 1)), newLocal: 7, newFromTeam: 81 }
    const { user } = await openTeamSettings()

    await user.click(within(team()).getByRole('button', { name: 'Preview joining' }))
    const preview = await within(team()).findByTestId('team-preview')
    expect(within(preview).getByTestId('team-preview-name')).toHaveTextContent('Acme care team')
    expect(within(preview).getByTestId('team-preview-team-stores')).toHaveTextContent('120')
    expect(within(preview).getByTestId('team-preview-local-stores')).toHaveTextContent('30')
    expect(within(preview).getByTestId('team-preview-new-local')).toHaveTextContent('7')
    expect(within(preview).getByTestId('team-preview-new-team')).toHaveTextContent('81')
    expect(within(preview).getByText(/60 stores match team stores/)).toBeInTheDocument()
    const table = within(preview).getByTestId('team-matches')
    expect(within(table).getByText('Local store 1')).toBeInTheDocument()
    expect(within(table).getByText('Team store 1')).toBeInTheDocument()
    expect(within(table).queryByText('Local store 26')).not.toBeInTheDocument()
    expect(within(preview).getByTestId('team-matches-range')).toHaveTextContent('1–25 of 60')
    await user.click(within(preview).getByRole('button', { name: 'Matches, page 3' }))
    expect(within(preview).getByTestId('team-matches-range')).toHaveTextContent('51–60 of 60')
    expect(within(table).getByText('Local store 60')).toBeInTheDocument()
    expect(bridge.inputsTo('team:join')).toHaveLength(0)

    await user.click(within(preview).getByRole('button', { name: 'Join Acme care team' }))
    const dialog = await screen.findByRole('dialog', { name: 'Join Acme care team?' })
    expect(dialog).toHaveTextContent('60 matched stores become one with the team’s, 7 stores from this laptop are shared with the team, and 81 team stores arrive here.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(bridge.inputsTo('team:join')).toHaveLength(0)

    await user.click(within(preview).getByRole('button', { name: 'Join Acme care team' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Join Acme care team?' })).getByRole('button', { name: 'Join the team' }))
    await waitFor(() => expect(bridge.inputsTo('team:join')).toHaveLength(1))
    const membership = await within(team()).findByTestId('team-membership')
    expect(within(membership).getByTestId('team-name')).toHaveTextContent('Acme care team')
    expect(within(membership).getByTestId('team-role')).toHaveTextContent('maria')
    expect(within(membership).getByTestId('team-state')).toHaveTextContent('Team: in sync')
    expect(await header()).toHaveTextContent('Team: in sync')
  })

  it('says when the server refused the preview, and that nothing was merged', async () => {
    const bridge = installFakeBridge()
    bridge.team.view = { ...bridge.team.view, connection: TEAM_CONNECTION, passwordSaved: true }
    bridge.team.previewFailure = 'PostgreSQL refused the password for maria.'
    const { user } = await openTeamSettings()
    await user.click(within(team()).getByRole('button', { name: 'Preview joining' }))
    const refusal = await within(team()).findByTestId('team-preview-error')
    expect(refusal).toHaveTextContent('nothing was merged, this laptop’s portfolio is as it was')
    expect(refusal).toHaveTextContent('PostgreSQL refused the password for maria.')
    expect(within(team()).queryByTestId('team-preview')).not.toBeInTheDocument()
  })

  it('leaves only after a confirmation that says a local copy is kept', async () => {
    const bridge = installFakeBridge()
    bridge.team.joined({ kind: 'offline', since: Date.parse('2026-11-27T06:30:00Z'), reason: 'connection refused', pending: 3 })
    const { user } = await openTeamSettings()
    const membership = await within(team()).findByTestId('team-membership')
    expect(within(membership).getByTestId('team-trouble')).toHaveTextContent(`cannot be reached since ${formatDateTime(Date.parse('2026-11-27T06:30:00Z'))}: connection refused.`)
    expect(within(membership).getByTestId('team-trouble')).toHaveTextContent('3 changes made here wait')

    await user.click(within(membership).getByRole('button', { name: 'Leave team' }))
    let dialog = await screen.findByRole('dialog', { name: 'Leave Acme care team?' })
    expect(dialog).toHaveTextContent('A local copy of every store and everything recorded about it stays on this laptop')
    expect(dialog).toHaveTextContent('3 changes made here have not reached the team yet')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(bridge.inputsTo('team:leave')).toHaveLength(0)

    await user.click(within(membership).getByRole('button', { name: 'Leave team' }))
    dialog = await screen.findByRole('dialog', { name: 'Leave Acme care team?' })
    await user.click(within(dialog).getByRole('button', { name: 'Leave team' }))
    await waitFor(() => expect(bridge.inputsTo('team:leave')).toHaveLength(1))
    await waitFor(() => expect(within(team()).queryByTestId('team-membership')).not.toBeInTheDocument())
    expect(screen.queryByTestId('team-state-header')).not.toBeInTheDocument()
  })
})

describe('the header’s team state', () => {
  it('is hidden when solo, follows `team:state` in words, and opens Settings → Team', async () => {
    const bridge = installFakeBridge([makeStore({ id: 1 })])
    const { user } = renderApp('#/portfolio')
    await waitFor(() => expect(bridge.inputsTo('team:get').length).toBeGreaterThan(0))
    expect(screen.queryByTestId('team-state-header')).not.toBeInTheDocument()

    bridge.team.joined()
    act(() => bridge.emit('team:state', { kind: 'syncing', pending: 1 }))
    expect(await header()).toHaveTextContent('Team: syncing 1 change')
    act(() => bridge.emit('team:state', { kind: 'syncing', pending: 12 }))
    expect(await header()).toHaveTextContent('Team: syncing 12 changes')
    const since = Date.parse('2026-11-27T06:30:00Z')
    act(() => bridge.emit('team:state', { kind: 'offline', since, reason: 'no route to host', pending: 2 }))
    expect(await header()).toHaveTextContent(`Team: offline since ${formatDateTime(since)}`)
    act(() => bridge.emit('team:state', { kind: 'refused', reason: 'the team schema is newer than this app: update Storewatch' }))
    expect(await header()).toHaveTextContent('Team: not syncing — the team schema is newer than this app: update Storewatch')
    expect(await header()).toHaveAccessibleName('Team: not syncing — the team schema is newer than this app: update Storewatch — open Settings → Team')
    act(() => bridge.emit('team:state', { kind: 'in-sync', at: Date.now() }))
    await waitFor(async () => expect(await header()).toHaveTextContent('Team: in sync'))

    await user.click(await header())
    expect(await screen.findByRole('region', { name: 'Team' })).toBeInTheDocument()
    expect(window.location.hash).toBe('#/settings?section=team')
    act(() => bridge.emit('team:state', { kind: 'solo' }))
    await waitFor(() => expect(screen.queryByTestId('team-state-header')).not.toBeInTheDocument())
  })
})

describe('merge offers', () => {
  it('lists both stores and the key, merges after a confirmation that says the other store is deleted, and keeps both at once', async () => {
    const bridge = installFakeBridge()
    bridge.team.joined()
    bridge.team.offers = [makeMergeOffer(1), makeMergeOffer(2, { by: 'login-email', value: 'shop@acme.example' })]
    const { user } = await openTeamSettings()
    const offers = await within(team()).findByTestId('merge-offers')
    const first = within(offers).getByTestId('merge-offer-1')
    expect(first).toHaveTextContent('Holder 1 and Held 1 have the same SG short code SG90001')
    expect(within(offers).getByTestId('merge-offer-2')).toHaveTextContent('SG login e-mail shop@acme.example')

    await user.click(within(first).getByRole('button', { name: 'Merge into Holder 1' }))
    const dialog = await screen.findByRole('dialog', { name: 'Merge Held 1 into Holder 1?' })
    expect(dialog).toHaveTextContent('history of Held 1 move to Holder 1. Then Held 1 is deleted, for everyone on the team.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(bridge.inputsTo('team:resolve-merge')).toHaveLength(0)

    await user.click(within(first).getByRole('button', { name: 'Merge into Holder 1' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Merge Held 1 into Holder 1?' })).getByRole('button', { name: 'Merge into Holder 1' }))
    await waitFor(() => expect(bridge.inputsTo('team:resolve-merge')).toEqual([{ offerId: 1, action: 'merge' }]))
    await waitFor(() => expect(within(team()).queryByTestId('merge-offer-1')).not.toBeInTheDocument())

    await user.click(within(team()).getByRole('button', { name: 'Keep both' }))
    await waitFor(() => expect(bridge.lastInputTo('team:resolve-merge')).toEqual({ offerId: 2, action: 'keep-both' }))
    await waitFor(() => expect(within(team()).queryByTestId('merge-offers')).not.toBeInTheDocument())
  })
})

describe('Watch on a store page', () => {
  it('is not there solo with every store reminding: watching would change nothing', async () => {
    const bridge = installFakeBridge([makeStore({ id: 7, ownerKam: 'Ahmad' })])
    renderApp('#/stores/7')
    await screen.findByRole('heading', { name: 'Acme Pte Ltd' })
    await waitFor(() => expect(bridge.inputsTo('team:get').length).toBeGreaterThan(0))
    expect(screen.queryByRole('switch', { name: 'Watch' })).not.toBeInTheDocument()
  })

  it('watches and stops watching, and shows the store’s own merge offer at the top', async () => {
    const bridge = installFakeBridge([makeStore({ id: 7, ownerKam: 'Ahmad' })])
    bridge.team.joined()
    bridge.team.offers = [makeMergeOffer(1, { holder: { storeId: 3, name: 'Acme Official (first)' }, held: { storeId: 7, name: 'Acme Official 7' } }), makeMergeOffer(2)]
    const { user } = renderApp('#/stores/7')
    const toggle = await screen.findByRole('switch', { name: 'Watch' })
    await waitFor(() => expect(toggle).toBeEnabled())
    expect(toggle).not.toBeChecked()
    // Every store reminds this person (the default): watching counts once that is narrowed.
    await waitFor(() =>
      expect(toggle).toHaveAccessibleDescription(
        'Your reminders cover this store as if you owned it once “Remind me only about my stores” is on (Settings → You); until then every store reminds you. Only you see that you watch it.'
      )
    )

    await user.click(toggle)
    await waitFor(() => expect(bridge.inputsTo('team:watch')).toEqual([{ storeId: 7, watched: true }]))
    await waitFor(() => expect(toggle).toBeChecked())
    await user.click(toggle)
    await waitFor(() => expect(bridge.lastInputTo('team:watch')).toEqual({ storeId: 7, watched: false }))
    await waitFor(() => expect(toggle).not.toBeChecked())

    const notice = await screen.findByTestId('merge-offers')
    expect(within(notice).getByTestId('merge-offer-1')).toHaveTextContent('Acme Official (first) and Acme Official 7 have the same')
    expect(within(notice).queryByTestId('merge-offer-2')).not.toBeInTheDocument()
  })
  it('is there solo when reminders are narrowed to one’s own stores, where watching counts', async () => {
    const bridge = installFakeBridge([makeStore({ id: 7, ownerKam: 'Ahmad' })])
    bridge.settings = { ...bridge.settings, you: { name: 'Maria', remindersFor: 'mine' } }
    renderApp('#/stores/7')
    const toggle = await screen.findByRole('switch', { name: 'Watch' })
    await waitFor(() => expect(toggle).toHaveAccessibleDescription('Your reminders cover this store as if you owned it (its owner is Ahmad). Only you see that you watch it.'))
    expect(screen.queryByTestId('merge-offers')).not.toBeInTheDocument()
  })
  it('puts the switch back, with main’s reason, when watching was refused', async () => {
    const bridge = installFakeBridge([makeStore({ id: 7 })])
    bridge.team.joined()
    bridge.handle('team:watch', ({ storeId }) => ({ ok: false, error: { code: 'not-found', message: `Store #${storeId} does not exist; it may have been deleted` } }))
    const { user } = renderApp('#/stores/7')
    const toggle = await screen.findByRole('switch', { name: 'Watch' })
    await waitFor(() => expect(toggle).toBeEnabled())
    await user.click(toggle)
    expect(await screen.findByText('Could not watch the store')).toBeInTheDocument()
    expect(screen.getByText('Store #7 does not exist; it may have been deleted')).toBeInTheDocument()
    expect(toggle).not.toBeChecked()
  })
})
