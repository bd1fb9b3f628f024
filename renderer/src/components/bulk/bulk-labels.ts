/** How each bulk action reads in the menu, the form's title ("Assign owner to 1,204 stores") and its button. */
import type { BulkActionKind } from '../../../../electron/shared/bulk'
import { formatCount, plural } from '../../lib/format'

export interface BulkActionText {
  menu: string
  /** The form's title for `count` stores. */
  title: (count: number) => string
  confirm: string
}

const stores = (count: number) => (count === 1 ? '1 store' : `${formatCount(count)} stores`)

export const BULK_ACTION_TEXT: Record<BulkActionKind, BulkActionText> = {
  'assign-owner': { menu: 'Assign owner…', title: (n) => `Assign owner to ${stores(n)}`, confirm: 'Assign owner' },
  'add-tag': { menu: 'Add tag…', title: (n) => `Add a tag to ${stores(n)}`, confirm: 'Add tag' },
  'remove-tag': { menu: 'Remove tag…', title: (n) => `Remove a tag from ${stores(n)}`, confirm: 'Remove tag' },
  archive: { menu: 'Archive…', title: (n) => `Archive ${stores(n)}`, confirm: 'Archive' },
  restore: { menu: 'Restore from the archive…', title: (n) => `Restore ${stores(n)} from the archive`, confirm: 'Restore' },
  snooze: { menu: 'Snooze reminders…', title: (n) => `Snooze the reminders of ${stores(n)}`, confirm: 'Snooze' },
  'start-checklist': { menu: 'Start the checklist…', title: (n) => `Start the checklist for ${stores(n)}`, confirm: 'Start checklist' },
  'mark-reconnected': { menu: 'Mark reconnected…', title: (n) => `Mark ${stores(n)} reconnected`, confirm: 'Mark reconnected' },
  'record-authorization': {
    menu: 'Record authorization…',
    title: (n) => `Record “authorized and reconnected” for ${stores(n)}`,
    confirm: 'Record authorization'
  }
}

/** "Owner set to “Dana” · 1,202 stores changed, 2 left as they were (already owned by Dana)" */
export function resultLine(changed: number, unchanged: { reason: string; count: number }[]): string {
  const left = unchanged.reduce((n, u) => n + u.count, 0)
  const head = `${plural(changed, 'store')} changed`
  if (left === 0) return head
  return `${head}; ${formatCount(left)} left as they were: ${unchanged.map((u) => `${formatCount(u.count)} ${u.reason}`).join('; ')}`
}
