import { describe, expect, it } from 'vitest'
import { compareReminderUrgency } from '../../../electron/core/monitoring/reminder-urgency'
import type { UrgencySubject } from '../../../electron/core/monitoring/reminder-urgency'

const NOW = Date.parse('2026-12-02T01:00:00Z')
const DAY = 86_400_000
let ids = 0
const subject = (storeLabel: string, days: number, status: UrgencySubject['status'] = 'expiring'): UrgencySubject => ({
  id: ++ids,
  storeLabel,
  deadlineAt: NOW + days * DAY,
  status
})

describe('the notification centre’s urgency rule', () => {
  it('puts deadlines ahead first, soonest first, then passed ones, most recently passed first, then stores no longer needing action', () => {
    const items = [
      subject('renewed since', 0.5, 'healthy'),
      subject('ended a week ago', -7, 'expired'),
      subject('ends next week', 7),
      subject('ended yesterday', -1, 'expired'),
      subject('ends tomorrow', 1),
      subject('out of scope now', 2, 'out-of-scope')
    ]
    expect(items.sort((a, b) => compareReminderUrgency(a, b, NOW)).map((s) => s.storeLabel)).toEqual([
      'ends tomorrow',
      'ends next week',
      'ended yesterday',
      'ended a week ago',
      'renewed since',
      'out of scope now'
    ])
  })

  it('breaks a tie by the severer status, then the store, then the newest reminder', () => {
    const reconnect = subject('Zed', 3, 'needs-reconnect')
    const expiring = subject('Abe', 3, 'expiring')
    const older = subject('Abe', 3, 'expiring')
    const newer = subject('Abe', 3, 'expiring')
    expect([expiring, older, newer, reconnect].sort((a, b) => compareReminderUrgency(a, b, NOW))).toEqual([reconnect, newer, older, expiring])
  })
})
