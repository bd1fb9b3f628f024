/**
 * A preview's problems: how many of each kind, the first ones a page at a time (a large file can
 * have millions; main lists the first 1,000), and every one of them as a CSV file on request.
 */
import { Badge, Button, Group, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import type { ImportPreview, ImportProblemGroup } from '../../../../electron/shared/csv-import'
import { toastError, toastSuccess } from '../../lib/toast'
import { EMPTY_VALUE, formatCount, plural } from '../../lib/format'
import { useImportStore } from '../../stores/useImportStore'

const PAGE_SIZE = 50

type Shown = 'all' | 'error' | 'warning'

function ProblemGroups({ groups }: { groups: ImportProblemGroup[] }) {
  return (
    <Table withTableBorder={false} withRowBorders={false} fz="sm" verticalSpacing={2} aria-label="Problems by kind" layout="fixed" maw={640}>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={`${group.kind}:${group.field ?? ''}`}>
            <Table.Td w={96} ta="right" ff="monospace" c={group.severity === 'error' ? 'red.8' : 'yellow.9'}>
              {formatCount(group.count)}
            </Table.Td>
            <Table.Td>{group.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function DownloadAll({ count }: { count: number }) {
  const saveProblems = useImportStore((s) => s.saveProblems)
  const [saving, setSaving] = useState(false)
  async function download(): Promise<void> {
    setSaving(true)
    const result = await saveProblems()
    setSaving(false)
    if (!result.ok) toastError('Could not save the problems', result.error.message)
    else if (result.value.saved) toastSuccess(`${plural(count, 'problem')} saved`, result.value.path)
  }
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconDownload size={14} />}
      loading={saving}
      onClick={() => void download()}
      style={{ flexShrink: 0 }}
    >
      Download all {plural(count, 'problem')}
    </Button>
  )
}

export function ImportProblems({ preview }: { preview: ImportPreview }) {
  const [shown, setShown] = useState<Shown>('all')
  const [page, setPage] = useState(1)
  const { problems, problemCount, errorCount, warningCount, problemGroups } = preview
  const list = shown === 'all' ? problems : problems.filter((p) => p.severity === shown)
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const rows = list.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
  const cut = problemCount > problems.length

  return (
    <Stack gap="xs">
      <ProblemGroups groups={problemGroups} />
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" c="dimmed" role="note">
          {cut
            ? `The first ${formatCount(problems.length)} of ${formatCount(problemCount)} problems are listed here; download them all to see every one.`
            : `Every problem is listed here, and can be saved as a file to fix the rows in a spreadsheet.`}
        </Text>
        <DownloadAll count={problemCount} />
      </Group>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={shown}
          onChange={(value) => {
            setShown(value as Shown)
            setPage(1)
          }}
          data={[
            { value: 'all', label: `All (${formatCount(problemCount)})` },
            { value: 'error', label: `Errors (${formatCount(errorCount)})` },
            { value: 'warning', label: `Warnings (${formatCount(warningCount)})` }
          ]}
          aria-label="Show problems"
        />
        {pages > 1 && <Pagination size="sm" total={pages} value={current} onChange={setPage} aria-label="Problem pages" />}
      </Group>
      <Table striped={false} withTableBorder fz="sm" verticalSpacing={4} aria-label="Problems" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Row</Table.Th>
            <Table.Th w={150}>Column</Table.Th>
            <Table.Th w={170}>Value</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((problem, i) => (
            <Table.Tr key={`${problem.row}-${problem.column ?? ''}-${i}`} data-severity={problem.severity}>
              <Table.Td>{formatCount(problem.row)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{problem.column ?? EMPTY_VALUE}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {problem.value ? <Text span size="sm" ff="monospace">{problem.value}</Text> : <Text span c="dimmed" size="sm">{EMPTY_VALUE}</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="xs" color={problem.severity === 'error' ? 'red' : 'yellow'} variant="light" style={{ flexShrink: 0, marginTop: 2 }}>
                    {problem.severity === 'error' ? 'Error' : 'Warning'}
                  </Badge>
                  <Text size="sm" c={problem.severity === 'error' ? 'red.8' : 'yellow.9'} style={{ overflowWrap: 'anywhere' }}>
                    {problem.message}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {cut ? `None of the first ${formatCount(problems.length)} problems is of this kind: download them all to see the rest.` : 'Nothing to show here.'}
        </Text>
      )}
    </Stack>
  )
}
