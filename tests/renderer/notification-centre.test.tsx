import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { installFakeBridge, makeReminder, makeStore, TEST_NOW } from './support/fake-bridge'
import type { FakeReminder } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ALL = { unreadOnly: false, statuses: [], owners: [] }

/** Two runs (07:00 today and yesterday, the KAM's time), five entries over four rungs, three owners. */
function portfolio(): FakeReminder[] {
  const today = { runId: 2, runAt: TEST_NOW - HOUR, firedAt: TEST_NOW - HOUR }
  const yesterday = { runId: 1, runAt: TEST_NOW - 25 * HOUR, firedAt: TEST_NOW - 25 * HOUR }
  return [
    makeReminder({ id: 1, ...today, storeId: 7, storeLabel: 'Acme Pte Ltd — Acme Official (SG)', ownerKam: 'Ben', rungDays: 1, deadlineAt: TEST_NOW + DAY, title: 'Acme Official (SG): subscription ends tomorrow' }),
    makeReminder({ id: 2, ...today, storeId: 8, storeLabel: 'Batik House — Batik Mall (MY)', ownerKam: null, rungDays: 1, deadlineAt: TEST_NOW + 1.5 * DAY, title: 'Batik Mall (MY): subscription ends tomorrow' }),
    makeReminder({ id: 3, ...today, storeId: 9, storeLabel: 'Cendol Co — Cendol Shop (TH)', ownerKam: 'Chen', status: 'expired', rungDays: 0, deadlineAt: TEST_NOW - 2 * HOUR, title: 'Cendol Shop (TH): subscription has ended' }),
    makeReminder({ id: 4, ...yesterday, storeId: 7, storeLabel: 'Acme Pte Ltd — Acme Official (SG)', ownerKam: 'Ben', rungDays: 3, deadlineAt: TEST_NOW + DAY, title: 'Acme Official (SG): subscription ends in 2 days', readAt: TEST_NOW - 20 * HOUR }),
    makeReminder({ id: 5, ...yesterday, storeId: 10, storeLabel: 'Durian Ltd — Durian Store (SG)', ownerKam: 'Ben', rungDays: 14, deadlineAt: TEST_NOW + 13 * DAY, title: 'Durian Store (SG): subscription ends in 14 days' })
  ]
}

function list(): HTMLElement {
  return screen.getByRole('list', { name: 'Reminders' })
}
const headers = () => within(list()).queryAllByTestId('reminder-group')
const toggle = (header: HTMLElement) => within(header).getByRole('button', { name: /^(Check at|Up to)/ })
const headerTitles = () => headers().map((h) => toggle(h).textContent ?? '')
const entryTitles = () => within(list()).queryAllByTestId('reminder-entry').map((e) => e.getAttribute('aria-label'))

async function open(reminders = portfolio()) {
  const bridge = installFakeBridge([makeStore({ id: 7 }), makeStore({ id: 8 }), makeStore({ id: 9 }), makeStore({ id: 10 })])
  bridge.reminders = reminders
  const view = renderApp('#/notifications')
  await screen.findByRole('list', { name: 'Reminders' })
  return { bridge, ...view }
}

describe('the notification centre at scale', () => {
  it('groups by check run and rung, most urgent first, each header with its run, rung and counts', async () => {
    await open()
    expect(headerTitles()).toEqual([
      'Check at 07:00, 27 Nov · 1 day before2 reminders · 2 unread',
      'Check at 07:00, 26 Nov · 3 days before1 reminder · 0 unread',
      'Check at 07:00, 26 Nov · 14 days before1 reminder · 1 unread',
      'Check at 07:00, 27 Nov · Deadline passed1 reminder · 1 unread'
    ])
    expect(entryTitles()).toEqual([
      'Unread: Acme Official (SG): subscription ends tomorrow · Acme Pte Ltd — Acme Official (SG)',
      'Unread: Batik Mall (MY): subscription ends tomorrow · Batik House — Batik Mall (MY)',
      'Acme Official (SG): subscription ends in 2 days · Acme Pte Ltd — Acme Official (SG)',
      'Unread: Durian Store (SG): subscription ends in 14 days · Durian Ltd — Durian Store (SG)',
      'Unread: Cendol Shop (TH): subscription has ended · Cendol Co — Cendol Shop (TH)'
    ])
    expect(within(list()).getAllByTestId('reminder-entry')[1]).toHaveTextContent('Expiring · No owner')
    expect(screen.getByTestId('centre-shown')).toHaveTextContent('5 in 4 groups')
  })

  it('folds a group away and back', async () => {
    const { user } = await open()
    await user.click(toggle(headers()[0]!))
    expect(toggle(headers()[0]!)).toHaveAttribute('aria-expanded', 'false')
    expect(entryTitles()).toHaveLength(3)
    expect(headers()).toHaveLength(4)
    await user.click(toggle(headers()[0]!))
    expect(toggle(headers()[0]!)).toHaveAttribute('aria-expanded', 'true')
    expect(entryTitles()).toHaveLength(5)
  })

  it('filters by owner and status, combined, with counts and "n of N shown"', async () => {
    const { bridge, user } = await open()
    await user.click(screen.getByRole('combobox', { name: 'Owner' }))
    expect(screen.getByRole('option', { name: 'No owner (1)' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: 'Chen (1)' })).toBeInTheDocument()
    await user.click(screen.getByRole('option', { name: 'Ben (3)' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:centre')).toMatchObject({ filter: { owners: ['Ben'] } }))
    await waitFor(() => expect(screen.getByTestId('centre-shown')).toHaveTextContent('3 of 5 shown'))
    expect(entryTitles().every((t) => t?.includes('Acme') || t?.includes('Durian'))).toBe(true)

    await user.click(screen.getByRole('option', { name: 'No owner (1)' }))
    await waitFor(() => expect(screen.getByTestId('centre-shown')).toHaveTextContent('4 of 5 shown'))
    await user.click(screen.getByRole('combobox', { name: 'Status' }))
    // Counted under the owner filter: Chen's expired store is not among Ben's and no one's.
    expect(screen.queryByRole('option', { name: /^Expired/ })).not.toBeInTheDocument()
    await user.click(screen.getByRole('option', { name: 'Expiring (4)' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:centre')).toMatchObject({ filter: { owners: ['Ben', null], statuses: ['expiring'] } }))

    await waitFor(() => expect(screen.getByTestId('centre-shown')).toHaveTextContent('4 of 5 shown'))
  })

  it('says so when the filter matches nothing, and clears it', async () => {
    // Chen's one unread reminder read, under "Unread": nothing of Chen's is left to show.
    const { user } = await open()
    await user.click(screen.getByRole('radio', { name: 'Unread' }))
    await user.click(screen.getByRole('combobox', { name: 'Owner' }))
    await user.click(await screen.findByRole('option', { name: 'Chen (1)' }))
    await user.click(await screen.findByRole('button', { name: 'Mark shown read (1)' }))
    expect(await screen.findByRole('heading', { name: 'No reminders match these filters' })).toBeInTheDocument()
    expect(screen.getByTestId('centre-shown')).toHaveTextContent('0 of 3 shown')
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!)
    await waitFor(() => expect(entryTitles()).toHaveLength(3))
  })

  it('marks one entry read with its button or Space, without leaving', async () => {
    const { bridge, user } = await open()
    expect(screen.getByRole('link', { name: 'Notifications, 4 unread' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Mark read: Durian Store (SG): subscription ends in 14 days' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ ids: [5] }))
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications, 3 unread' })).toBeInTheDocument())
    expect(window.location.hash).toBe('#/notifications')

    const batik = screen.getByRole('button', { name: /^Unread: Batik Mall/ })
    batik.focus()
    fireEvent.keyDown(batik, { key: ' ' })
    fireEvent.keyUp(batik, { key: ' ' })
    await waitFor(() => expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ ids: [2] }))
    await waitFor(() => expect(screen.getByTestId('unread-summary')).toHaveTextContent('2 unread'))
    expect(window.location.hash).toBe('#/notifications')
  })

  it('moves by keyboard: ↓ from a group header to its first entry, Enter opens the store and marks it read', async () => {
    const { bridge, user } = await open()
    toggle(headers()[0]!).focus()
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toHaveAccessibleName(/^Unread: Acme Official \(SG\): subscription ends tomorrow/)
    await user.keyboard('{Enter}')
    await waitFor(() => expect(window.location.hash).toBe('#/stores/7?from=notifications'))
    expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ ids: [1] })
  })

  it('goes back from a store opened here (Alt+← or Back) to the centre, with focus on the entry it came from', async () => {
    const { user } = await open()
    await user.click(screen.getByRole('button', { name: /^Unread: Batik Mall/ }))
    await waitFor(() => expect(window.location.hash).toBe('#/stores/8?from=notifications'))
    expect(await screen.findByRole('link', { name: 'Back to the notifications' })).toHaveAttribute('href', '#/notifications')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: /^Notifications/ })).toHaveAttribute('aria-current', 'page')
    expect(within(nav).getByRole('link', { name: 'Portfolio' })).not.toHaveAttribute('aria-current')

    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}')
    await waitFor(() => expect(window.location.hash).toBe('#/notifications'))
    await screen.findByRole('list', { name: 'Reminders' })
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^Batik Mall \(MY\): subscription ends tomorrow/))

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    await waitFor(() => expect(window.location.hash).toBe('#/stores/7?from=notifications'))
    await user.click(await screen.findByRole('link', { name: 'Back to the notifications' }))
    await screen.findByRole('list', { name: 'Reminders' })
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^Acme Official \(SG\): subscription ends in 2 days/))
  })

  it('marks a group read from its header, and what the filter shows with "Mark shown read"', async () => {
    const { bridge, user } = await open()
    await user.click(screen.getByRole('button', { name: 'Mark 2 read: Check at 07:00, 27 Nov · 1 day before' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:mark-group-read')).toEqual({ filter: ALL, group: '2:1' }))
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications, 2 unread' })).toBeInTheDocument())
    expect(headerTitles()[0]).toContain('2 reminders · 0 unread')

    await user.click(screen.getByRole('combobox', { name: 'Owner' }))
    await user.click(screen.getByRole('option', { name: 'Chen (1)' }))
    await user.click(await screen.findByRole('button', { name: 'Mark shown read (1)' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:mark-group-read')).toEqual({ filter: { ...ALL, owners: ['Chen'] } }))
    await waitFor(() => expect(screen.getByTestId('unread-summary')).toHaveTextContent('1 unread'))
  })

  it('snoozes a group from its header: its stores, in one call; the entries leave the unread view', async () => {
    const { bridge, user } = await open()
    await user.click(screen.getByRole('radio', { name: 'Unread' }))
    await waitFor(() => expect(headers()).toHaveLength(3))
    await user.click(screen.getByRole('button', { name: 'Snooze the stores of Check at 07:00, 27 Nov · 1 day before' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Snooze for 1 day' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:snooze-group')).toEqual({ filter: { ...ALL, unreadOnly: true }, group: '2:1', mode: 'day' }))
    expect(bridge.inputsTo('reminders:snooze-group')).toHaveLength(1)
    await waitFor(() => expect(headers()).toHaveLength(2))
    expect(entryTitles().some((t) => t?.includes('Batik') || t?.includes('Acme'))).toBe(false)
    expect(screen.getByRole('link', { name: 'Notifications, 2 unread' })).toBeInTheDocument()

    // Under "All" they stay, marked snoozed.
    await user.click(screen.getByRole('radio', { name: 'All' }))
    await waitFor(() => expect(entryTitles()).toHaveLength(5))
    expect(within(list()).getAllByText(/^Snoozed until/)).toHaveLength(3)
  })

  it('snoozes one entry’s store from its row: its entries leave the unread view', async () => {
    const { bridge, user } = await open()
    await user.click(screen.getByRole('radio', { name: 'Unread' }))
    await waitFor(() => expect(entryTitles()).toHaveLength(4))
    await user.click(screen.getByRole('button', { name: 'Snooze reminders for Durian Ltd — Durian Store (SG)' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Snooze until the next reminder' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:snooze')).toEqual({ storeId: 10, mode: 'next-rung' }))
    await waitFor(() => expect(entryTitles()).toHaveLength(3))
    expect(entryTitles().some((t) => t?.includes('Durian'))).toBe(false)
    expect(screen.getByRole('link', { name: 'Notifications, 3 unread' })).toBeInTheDocument()
  })

  it('loads the entries page by page as the list reaches them, and counts every one', async () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      makeReminder({ id: i + 1, runId: 3, runAt: TEST_NOW - HOUR, storeId: 7, deadlineAt: TEST_NOW + DAY + i * 60_000, title: `Store ${i + 1}: ends tomorrow` })
    )
    const { bridge } = await open(many)
    expect(headerTitles()).toEqual(['Check at 07:00, 27 Nov · 7 days before1,200 reminders · 1,200 unread'])
    expect(bridge.inputsTo('reminders:centre').map((i) => i.offset)).toEqual([0])
    list().scrollTop = 1100 * 80
    fireEvent.scroll(list())
    await waitFor(() => expect(bridge.inputsTo('reminders:centre').map((i) => i.offset)).toContain(1000))
  })
})
