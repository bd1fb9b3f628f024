import { describe, expect, it } from 'vitest'
import { digestText, reminderText } from '../../../electron/core/monitoring/notification-text'
import type { ReminderSubject } from '../../../electron/core/monitoring/notification-text'
import { DAY, HOUR } from './monitoring-support'

const END = Date.parse('2026-03-15T00:00:00+08:00')
const subject = (over: Partial<ReminderSubject> = {}): ReminderSubject => ({
  storeName: 'Acme Official',
  country: 'SG',
  kind: 'subscription-end',
  deadline: END,
  daysLeft: 7,
  ...over
})

describe('reminder texts', () => {
  it('say which store, what ends, when in the store’s time, and what to do', () => {
    expect(reminderText(subject(), END - 7 * DAY)).toEqual({
      title: 'Acme Official (SG): subscription ends in 7 days',
      body: 'Renew “Authorization Only” on Service Market before 15 Mar 2026, 00:00 (SG time).'
    })
    expect(reminderText(subject({ daysLeft: 1 }), END - DAY).title).toBe('Acme Official (SG): subscription ends tomorrow')
    expect(reminderText(subject({ daysLeft: 0, deadline: END + 15 * HOUR }), END + HOUR).title).toBe('Acme Official (SG): subscription ends today')
    expect(reminderText(subject({ daysLeft: -3 }), END + 3 * DAY)).toEqual({
      title: 'Acme Official (SG): subscription has ended',
      body: 'It ended 15 Mar 2026, 00:00 (SG time), so orders no longer sync. Order “Authorization Only” again on Service Market.'
    })
  })

  it('word the legacy grace end and the authorization deadline in the store’s own time', () => {
    const jakarta = { country: 'ID', storeName: 'Toko Maju', deadline: Date.parse('2026-03-15T00:00:00+07:00') }
    expect(reminderText(subject({ ...jakarta, kind: 'grace-end', daysLeft: 3 }), jakarta.deadline - 3 * DAY)).toEqual({
      title: 'Toko Maju (ID): legacy grace ends in 3 days',
      body: 'Order “Authorization Only” on Service Market before 15 Mar 2026, 00:00 (ID time) to keep the store connected.'
    })
    expect(reminderText(subject({ ...jakarta, kind: 'grace-end', daysLeft: 0 }), jakarta.deadline).title).toBe('Toko Maju (ID): legacy grace has ended')
    expect(reminderText(subject({ kind: 'authorization-deadline', daysLeft: 14 }), END - 14 * DAY)).toEqual({
      title: 'Acme Official (SG): authorization lapses in 14 days',
      body: 'Have the seller authorize the app again before 15 Mar 2026, 00:00 (SG time).'
    })
    expect(reminderText(subject({ kind: 'authorization-deadline', daysLeft: 0 }), END).body).toBe(
      'It lapsed 15 Mar 2026, 00:00 (SG time). Have the seller authorize the app again.'
    )
  })

  it('stay short and on one line whatever the store is called', () => {
    const long = `${'Very Long Flagship Store Name '.repeat(10)}\nwith a line break`
    for (const kind of ['subscription-end', 'grace-end', 'authorization-deadline'] as const) {
      for (const [daysLeft, now] of [
        [14, END - 14 * DAY],
        [-1, END + DAY]
      ] as const) {
        const text = reminderText(subject({ storeName: long, kind, daysLeft }), now)
        expect(text.title.length + text.body.length).toBeLessThan(200)
        expect(text.title).toMatch(/^Very Long Flagship Store Name Very Long… \(SG\): /)
        expect(`${text.title}${text.body}`).not.toContain('\n')
      }
    }
  })
})

describe('digest texts', () => {
  const entry = (storeName: string, daysLeft: number, passed = false) => ({ storeName, country: 'SG', daysLeft, passed })

  it('count the stores, say how soon, and name the first three, soonest first', () => {
    expect(digestText([entry('Delta', 7), entry('Alpha', 7), entry('Charlie', 3), entry('Bravo', 7), entry('Echo', 6)])).toEqual({
      title: '5 client stores expire within 7 days',
      body: 'Charlie (SG), Echo (SG), Alpha (SG) and 2 more. Open Storewatch for the list.'
    })
    expect(digestText([entry('A', 0), entry('B', 0), entry('C', 0), entry('D', 0)]).title).toBe('4 client stores expire today')
    expect(digestText([entry('A', 1), entry('B', 0), entry('C', 1), entry('D', 0)]).title).toBe('4 client stores expire by tomorrow')
    expect(digestText([entry('A', -1, true), entry('B', -9, true), entry('C', -2, true), entry('D', -3, true)]).title).toBe('4 client stores have expired')
    expect(digestText([entry('A', -1, true), entry('B', 3), entry('C', 7), entry('D', 14)]).title).toBe('4 client stores have expired or expire within 14 days')
  })

  it('stay short with long store names', () => {
    const long = 'An Extremely Long Store Name That Goes On And On Forever'
    const text = digestText(Array.from({ length: 250 }, (_, i) => entry(`${long} ${i}`, 7)))
    expect(text.title).toBe('250 client stores expire within 7 days')
    expect(text.title.length + text.body.length).toBeLessThan(200)
    expect(text.body).toMatch(/ and 247 more\. Open Storewatch for the list\.$/)
  })
})
