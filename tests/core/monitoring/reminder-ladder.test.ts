import { describe, expect, it } from 'vitest'
import { inQuietHours } from '../../../electron/core/monitoring/quiet-hours'
import { coveringAuthorization, decideRungs, newRungs, settleHeld } from '../../../electron/core/monitoring/reminder-ladder'
import type { Deadline, HeldReminder } from '../../../electron/core/monitoring/reminder-ladder'

const LADDER = [14, 7, 3, 1, 0]

describe('deciding rungs', () => {
  it.each([
    { daysLeft: 20, recorded: [], fire: null, skip: [] },
    { daysLeft: 14, recorded: [], fire: 14, skip: [] },
    { daysLeft: 10, recorded: [14], fire: null, skip: [] },
    { daysLeft: 7, recorded: [14], fire: 7, skip: [] },
    // Asleep from the 14-day rung to 2 days left: only the 3-day rung fires.
    { daysLeft: 2, recorded: [14], fire: 3, skip: [7] },
    // Added late, or the deadline passed long ago: the last rung, once.
    { daysLeft: -40, recorded: [], fire: 0, skip: [14, 7, 3, 1] },
    { daysLeft: -41, recorded: [0, 1, 3, 7, 14], fire: null, skip: [] },
    // Rungs before one that already fired (a store added late, a rung added to the ladder) never fire.
    { daysLeft: 5, recorded: [7], fire: null, skip: [14] },
    { daysLeft: 2, recorded: [3], fire: null, skip: [14, 7] }
  ])('$daysLeft days left, recorded $recorded: fires $fire, skips $skip', ({ daysLeft, recorded, fire, skip }) => {
    expect(decideRungs(LADDER, daysLeft, recorded)).toEqual({ fire, skip })
  })

  it('skips deadlines where no rung came due since the last check', () => {
    const deadline: Deadline = { kind: 'subscription-end', at: 1000 }
    const asked: Deadline[] = []
    const recorded = (d: Deadline) => (asked.push(d), [14])
    expect(newRungs([deadline], LADDER, () => 9, recorded, () => 10)).toEqual([])
    expect(asked).toEqual([])
    expect(newRungs([deadline], LADDER, () => 7, recorded, () => 8)).toEqual([{ deadline, rungDays: 7, state: 'fire' }])
    expect(newRungs([deadline], LADDER, () => 2, recorded)).toEqual([
      { deadline, rungDays: 7, state: 'skipped' },
      { deadline, rungDays: 3, state: 'fire' }
    ])
  })
})

describe('held reminders', () => {
  const end: Deadline = { kind: 'subscription-end', at: 5000 }
  const held = (id: number, rungDays: number, deadlineAt = end.at): HeldReminder => ({ id, kind: 'subscription-end', deadlineAt, rungDays })

  it('stay held while holding, are dropped once their deadline is gone, and collapse to the latest rung', () => {
    expect(settleHeld([held(1, 7)], [end], true, [])).toEqual({ release: [], drop: [] })
    expect(settleHeld([held(1, 7), held(2, 3, 4000)], [end], true, [])).toEqual({ release: [], drop: [held(2, 3, 4000)] })
    expect(settleHeld([held(1, 7), held(2, 3)], [end], false, [])).toEqual({ release: [held(2, 3)], drop: [held(1, 7)] })
    expect(settleHeld([held(1, 7)], [end], false, [{ deadline: end, rungDays: 3, state: 'fire' }])).toEqual({ release: [], drop: [held(1, 7)] })
    expect(settleHeld([held(1, 7)], [], false, [])).toEqual({ release: [], drop: [held(1, 7)] })
  })
})

describe('covering authorization', () => {
  const auth = (authorizedAt: number) => ({ authorizedAt, refreshDeadlineAt: authorizedAt + 100 })
  it('is the latest one since the subscription started, or before a renewal recorded ahead', () => {
    expect(coveringAuthorization(null, [auth(1), auth(5)], 10)).toEqual(auth(5))
    expect(coveringAuthorization({ startAt: 4 }, [auth(1), auth(5)], 10)).toEqual(auth(5))
    expect(coveringAuthorization({ startAt: 6 }, [auth(1), auth(5)], 10)).toBeNull()
    expect(coveringAuthorization({ startAt: 20 }, [auth(1), auth(5)], 10)).toEqual(auth(5))
    expect(coveringAuthorization({ startAt: null }, [auth(1)], 10)).toBeNull()
    expect(coveringAuthorization({ startAt: 4 }, [], 10)).toBeNull()
  })
})

describe('quiet hours', () => {
  const at = (time: string) => Date.parse(`2026-11-27T${time}:00+08:00`)
  const overnight = { enabled: true, start: '20:00', end: '08:00' }

  it('hold from the start minute up to the end minute in the KAM’s zone, across midnight', () => {
    expect(inQuietHours(at('19:59'), overnight, 'Asia/Singapore')).toBe(false)
    expect(inQuietHours(at('20:00'), overnight, 'Asia/Singapore')).toBe(true)
    expect(inQuietHours(at('03:00'), overnight, 'Asia/Singapore')).toBe(true)
    expect(inQuietHours(at('07:59'), overnight, 'Asia/Singapore')).toBe(true)
    expect(inQuietHours(at('08:00'), overnight, 'Asia/Singapore')).toBe(false)
    // 20:00 in Singapore is 13:00 in Berlin (winter): not quiet there.
    expect(inQuietHours(at('20:00'), overnight, 'Europe/Berlin')).toBe(false)
    expect(inQuietHours(at('12:30'), { enabled: true, start: '12:00', end: '13:00' }, 'Asia/Singapore')).toBe(true)
    expect(inQuietHours(at('13:00'), { enabled: true, start: '12:00', end: '13:00' }, 'Asia/Singapore')).toBe(false)
    expect(inQuietHours(at('03:00'), { ...overnight, enabled: false }, 'Asia/Singapore')).toBe(false)
    expect(inQuietHours(at('03:00'), { enabled: true, start: '08:00', end: '08:00' }, 'Asia/Singapore')).toBe(false)
  })
})
