/**
 * Warnings that say the same thing, said once with how many rows they are about ("58 rows: KR
 * (South Korea) is outside…"); each opens to list its rows.
 */
import { Accordion, Text } from '@mantine/core'
import type { ImportWarningGroup } from '../../../../electron/shared/csv-import'
import { formatCount, plural } from '../../lib/format'

function rowList(group: ImportWarningGroup): string {
  const more = group.count - group.rows.length
  return group.rows.join(', ') + (more > 0 ? ` and ${formatCount(more)} more` : '')
}

export function ImportWarningGroups({ groups }: { groups: ImportWarningGroup[] }) {
  if (groups.length === 0) return null
  return (
    <Accordion variant="contained" chevronPosition="left" aria-label="Warnings, grouped">
      {groups.map((group) => (
        <Accordion.Item key={group.message} value={group.message}>
          <Accordion.Control>
            <Text size="sm">
              <Text span fw={600} c="yellow.9">
                {plural(group.count, 'row')}:
              </Text>{' '}
              {group.message}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" c="dimmed">
              {group.rows.length > 0 ? `Rows ${rowList(group)}` : 'Listed in the full list of problems.'}
            </Text>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  )
}
