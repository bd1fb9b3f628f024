/**
 * What a preview keeps of a file however large it is: the first problems and matches in row
 * order, and counts of everything (by severity, by kind), so its answer stays small.
 */
import { MAX_LISTED_CONFLICTS, MAX_LISTED_GROUP_ROWS, MAX_LISTED_PROBLEMS, MAX_WARNING_GROUPS, RECORD_COLUMNS } from '../../shared/csv-import'
import type { ImportConflict, ImportFieldKey, ImportProblem, ImportProblemGroup, ImportProblemKind, ImportWarningGroup } from '../../shared/csv-import'
import { STORE_FIELD_BY_KEY } from '../../shared/store-fields'
import type { StoreFieldKey } from '../../shared/store-fields'

const GROUP_LABELS: Record<Exclude<ImportProblemKind, 'invalid-value'>, string> = {
  'unreadable-row': 'Rows that cannot be read as CSV',
  'cell-count': 'Rows with more or fewer cells than the header',
  'template-row': "The template's example row",
  'duplicate-row': 'Stores that appear twice in the file',
  'out-of-scope': "Countries outside Lazada's Service Market rule (imported as out of scope)",
  'ambiguous-date': 'Dates that read two ways (day/month or month/day)'
}

export function fieldLabel(field: ImportFieldKey): string {
  return RECORD_COLUMNS.find((c) => c.key === field)?.label ?? STORE_FIELD_BY_KEY[field as StoreFieldKey].label
}

function groupLabel(kind: ImportProblemKind, field: ImportFieldKey | null): string {
  if (kind !== 'invalid-value') return GROUP_LABELS[kind]
  return field ? `${fieldLabel(field)}: missing or not valid` : 'Values missing or not valid'
}

/** Identical warnings gathered by their message (see ImportWarningGroup). */
function createWarningGroups() {
  const groups = new Map<string, ImportWarningGroup>()
  let unlisted = 0
  return {
    add(problem: ImportProblem): void {
      const group = groups.get(problem.message)
      if (group) {
        group.count++
        if (group.rows.length < MAX_LISTED_GROUP_ROWS) group.rows.push(problem.row)
      } else if (groups.size < MAX_WARNING_GROUPS) groups.set(problem.message, { message: problem.message, count: 1, rows: [problem.row] })
      else unlisted++
    },
    finish(): ImportWarningGroup[] {
      const listed = [...groups.values()].sort((a, b) => b.count - a.count)
      if (unlisted > 0) listed.push({ message: 'Other warnings (see the full list of problems)', count: unlisted, rows: [] })
      return listed
    }
  }
}

export function createPreviewReport() {
  const problems: ImportProblem[] = []
  const conflicts: ImportConflict[] = []
  const groups = new Map<string, ImportProblemGroup>()
  const warningGroups = createWarningGroups()
  const counts = { problems: 0, errors: 0, warnings: 0, conflicts: 0, changingConflicts: 0 }

  return {
    problem(problem: ImportProblem): void {
      counts.problems++
      if (problem.severity === 'error') counts.errors++
      else {
        counts.warnings++
        warningGroups.add(problem)
      }
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(problem)
      const field = problem.kind === 'invalid-value' ? problem.field : null
      const key = `${problem.kind}:${field ?? ''}`
      const group = groups.get(key)
      if (group) group.count++
      else groups.set(key, { kind: problem.kind, field, severity: problem.severity, label: groupLabel(problem.kind, field), count: 1 })
    },

    conflict(conflict: ImportConflict): void {
      counts.conflicts++
      if (conflict.changes.length > 0) counts.changingConflicts++
      if (conflicts.length < MAX_LISTED_CONFLICTS) conflicts.push(conflict)
    },

    finish() {
      const problemGroups = [...groups.values()].sort(
        (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count
      )
      return {
        problems,
        problemCount: counts.problems,
        errorCount: counts.errors,
        warningCount: counts.warnings,
        problemGroups,
        warningGroups: warningGroups.finish(),
        conflicts,
        conflictCount: counts.conflicts,
        changingConflictCount: counts.changingConflicts
      }
    }
  }
}
