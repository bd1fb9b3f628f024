/**
 * A bulk action as long work (issue #10, point 5): "Backing up" while the verified backup before
 * it is written, then "Applying to 1,500 stores" while its one transaction runs, then done. It
 * cannot be cancelled: the backup is written on main's thread and the action is one transaction
 * (see bulk-actions.ts), so there is no step between them at which a cancel could land.
 */
import type { BulkAction, BulkResult } from '../../shared/bulk'
import type { StoreSelection } from '../../shared/portfolio'
import type { TaskRegistry } from '../tasks/task-registry'
import type { BulkActions } from './bulk-actions'

export interface BulkTaskDeps {
  tasks: Pick<TaskRegistry, 'start'>
  bulk: Pick<BulkActions, 'run' | 'resolve'>
  /** The verified backup before the action (throws, naming it, when that fails: nothing is changed). */
  backUp: (action: string) => void
}

/** Runs `bulk:run` with its task: phases the header shows, ending done, or failed when it throws. */
export function runBulkAsTask({ tasks, bulk, backUp }: BulkTaskDeps, selection: StoreSelection, action: BulkAction): BulkResult {
  const task = tasks.start('bulk', { label: 'Backing up', total: null, cancellable: false })
  try {
    backUp(`bulk-${action.kind}`)
    const total = bulk.resolve(selection).length
    task.phase({ label: `Applying to ${total.toLocaleString('en')} ${total === 1 ? 'store' : 'stores'}`, total, cancellable: false })
    const result = bulk.run(selection, action)
    task.advance(result.selected)
    task.end('done')
    return result
  } catch (error) {
    task.end('failed')
    throw error
  }
}
