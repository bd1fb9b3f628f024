import { Alert, Badge, Button, Group, List, Stack, Tabs, Text, Tooltip } from '@mantine/core'
import { IconAlertCircle, IconArrowLeft, IconDownload, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import type { ImportPreview } from '../../../../electron/shared/csv-import'
import { formatCount, plural } from '../../lib/format'
import { updateCount, useImportStore } from '../../stores/useImportStore'
import { importCounts, importPlanText } from './import-text'
import type { ImportCounts } from './import-text'
import { ImportConflicts } from './ImportConflicts'
import { ImportProblems } from './ImportProblems'
import { ImportWarningGroups } from './ImportWarningGroups'
import { toastError, toastSuccess } from '../../lib/toast'

/** Main's refusals that a fresh check of the same file gets past. */
const RECHECKABLE = new Set(['import-expired', 'conflict'])

function ignoredList(preview: ImportPreview): string {
  const more = preview.ignoredColumnCount - preview.ignoredColumns.length
  return preview.ignoredColumns.join(', ') + (more > 0 ? ` and ${formatCount(more)} more` : '')
}

function SummaryBadges({ preview, counts }: { preview: ImportPreview; counts: ImportCounts }) {
  return (
    <Group gap="xs" aria-label="Summary" role="group">
      <Badge color={counts.newStores > 0 ? 'teal' : 'gray'} variant="light" size="lg" tt="none">
        New {formatCount(counts.newStores)}
      </Badge>
      <Badge color={counts.toUpdate > 0 ? 'indigo' : 'gray'} variant="light" size="lg" tt="none">
        To update {formatCount(counts.toUpdate)}
      </Badge>
      {counts.skipped > 0 && (
        <Badge color="gray" variant="light" size="lg" tt="none">
          Skipped {formatCount(counts.skipped)}
        </Badge>
      )}
      <Badge color={counts.errorRows > 0 ? 'red' : 'gray'} variant="light" size="lg" tt="none">
        Rows with errors {formatCount(counts.errorRows)}
      </Badge>
      <Badge color={counts.outOfScope > 0 ? 'orange' : 'gray'} variant="light" size="lg" tt="none">
        Out of scope {formatCount(counts.outOfScope)}
      </Badge>
      {preview.ignoredColumnCount > 0 && (
        <Tooltip label={ignoredList(preview)} multiline maw={320}>
          <Badge color="gray" variant="outline" size="lg" tt="none">
            Ignored columns {formatCount(preview.ignoredColumnCount)}
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}

/** Why Import is off, in words that say what to do next. */
function blockedReason(preview: ImportPreview): string | null {
  if (preview.canImport) return null
  if (preview.fileProblems.length > 0) return 'Fix the problems with the file and choose it again'
  return `Fix the ${plural(preview.errorCount, 'error')} in the file and choose it again`
}

/** Rows with errors can be left out: the rest imports, and the left-out rows download to be fixed. */
function SkipErrorRows({ preview }: { preview: ImportPreview }) {
  const { commit, saveProblems } = useImportStore.getState()
  const [saving, setSaving] = useState(false)
  async function download(): Promise<void> {
    setSaving(true)
    const result = await saveProblems('skipped-rows')
    setSaving(false)
    if (!result.ok) toastError('Could not save the rows with errors', result.error.message)
    else if (result.value.saved) toastSuccess(`${plural(preview.errorRowCount, 'row')} with errors saved`, result.value.path)
  }
  const importable = preview.rowCount - preview.errorRowCount
  return (
    <Alert color="yellow" variant="light" title={`Import the ${plural(importable, 'good row')} now and fix the rest later`}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {plural(preview.errorRowCount, 'row')} with errors can be left out. Download them first: the file holds each row as it is, with
          its problem beside it, ready to fix and import.
        </Text>
        <Group gap="sm">
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={saving} onClick={() => void download()}>
            Download the {plural(preview.errorRowCount, 'row')} with errors
          </Button>
          <Button size="xs" color="yellow.8" onClick={() => void commit({ skipErrorRows: true })}>
            Skip {plural(preview.errorRowCount, 'row')} and import the rest
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

export function ImportPreviewStep({ preview }: { preview: ImportPreview }) {
  const error = useImportStore((s) => s.error)
  const updates = useImportStore((s) => updateCount(s, preview))
  const { commit, chooseAnother, checkAgain } = useImportStore.getState()
  const blocked = blockedReason(preview)
  const hasProblems = preview.problemCount > 0
  const hasConflicts = preview.conflictCount > 0
  const counts = importCounts(preview, updates)

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm">
          <Text span fw={600}>
            {preview.fileName}
          </Text>{' '}
          · {plural(preview.rowCount, 'row')} · separated by “{preview.delimiter}”
        </Text>
        <SummaryBadges preview={preview} counts={counts} />
      </Stack>

      {preview.fileProblems.length > 0 && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title="The file cannot be read as a store list" role="alert">
          <List size="sm">
            {preview.fileProblems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {error && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title="Nothing was imported" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error.message}</Text>
            {RECHECKABLE.has(error.code) && (
              <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={() => void checkAgain()}>
                Check the file again
              </Button>
            )}
          </Stack>
        </Alert>
      )}

      {preview.outOfScopeCount > 0 && (
        <Text size="sm" c="orange.8">
          {plural(preview.outOfScopeCount, 'row')} {preview.outOfScopeCount === 1 ? 'is' : 'are'} in countries outside the six Service
          Market countries: {preview.outOfScopeCount === 1 ? 'it' : 'they'} will be kept as out of scope.
        </Text>
      )}

      {preview.canSkipErrorRows && <SkipErrorRows preview={preview} />}

      <ImportWarningGroups groups={preview.warningGroups} />

      {(hasProblems || hasConflicts) && (
        <Tabs defaultValue={hasProblems ? 'problems' : 'conflicts'} keepMounted={false}>
          <Tabs.List>
            {hasProblems && <Tabs.Tab value="problems">Problems ({formatCount(preview.problemCount)})</Tabs.Tab>}
            {hasConflicts && <Tabs.Tab value="conflicts">Matches existing stores ({formatCount(preview.conflictCount)})</Tabs.Tab>}
          </Tabs.List>
          {hasProblems && (
            <Tabs.Panel value="problems" pt="sm">
              <ImportProblems preview={preview} />
            </Tabs.Panel>
          )}
          {hasConflicts && (
            <Tabs.Panel value="conflicts" pt="sm">
              <ImportConflicts conflicts={preview.conflicts} total={preview.conflictCount} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}

      {!hasProblems && !hasConflicts && preview.fileProblems.length === 0 && (
        <Text size="sm" c="teal.8">
          Every row checks out.
        </Text>
      )}

      <Group justify="space-between" pt="xs" wrap="nowrap">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={chooseAnother}>
          Choose another file
        </Button>
        <Group gap="sm" wrap="nowrap">
          {blocked ? (
            <Text size="sm" c="red.8" id="import-blocked-reason">
              {blocked}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" data-testid="import-plan">
              {importPlanText(counts)}
            </Text>
          )}
          <Button onClick={() => void commit()} disabled={blocked !== null} aria-describedby={blocked ? 'import-blocked-reason' : undefined}>
            Import
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
