/** Every problem of a preview, a page at a time: a 10,000-row file can have thousands. */
import { Badge, Group, Pagination, SegmentedControl, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { ImportProblem } from '../../../../electron/shared/csv-import'
import { EMPTY_VALUE, formatCount } from '../../lib/format'

const PAGE_SIZE = 50

type Shown = 'all' | 'error' | 'warning'

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const [shown, setShown] = useState<Shown>('all')
  const [page, setPage] = useState(1)
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  const list = shown === 'all' ? problems : problems.filter((p) => p.severity === shown)
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const rows = list.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)

  return (
    <div>
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          size="xs"
          value={shown}
          onChange={(value) => {
            setShown(value as Shown)
            setPage(1)
          }}
          data={[
            { value: 'all', label: `All (${formatCount(problems.length)})` },
            { value: 'error', label: `Errors (${formatCount(errors)})` },
            { value: 'warning', label: `Warnings (${formatCount(warnings)})` }
          ]}
          aria-label="Show problems"
        />
        {pages > 1 && <Pagination size="sm" total={pages} value={current} onChange={setPage} aria-label="Problem pages" />}
      </Group>
      <Table striped={false} withTableBorder fz="sm" verticalSpacing={4} aria-label="Problems" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>Row</Table.Th>
            <Table.Th w={150}>Column</Table.Th>
            <Table.Th w={170}>Value</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((problem, i) => (
            <Table.Tr key={`${problem.row}-${problem.column ?? ''}-${i}`} data-severity={problem.severity}>
              <Table.Td>{problem.row}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{problem.column ?? EMPTY_VALUE}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {problem.value ? <Text span size="sm" ff="monospace">{problem.value}</Text> : <Text span c="dimmed" size="sm">{EMPTY_VALUE}</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="xs" color={problem.severity === 'error' ? 'red' : 'yellow'} variant="light" style={{ flexShrink: 0, marginTop: 2 }}>
                    {problem.severity === 'error' ? 'Error' : 'Warning'}
                  </Badge>
                  <Text size="sm" c={problem.severity === 'error' ? 'red.8' : 'yellow.9'}>
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
          Nothing to show here.
        </Text>
      )}
    </div>
  )
}
