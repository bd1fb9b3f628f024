/**
 * The portfolio's Export menu: the view as CSV or as an Excel workbook, or its upcoming deadlines
 * as a calendar (.ics) for the next 30, 60 or 90 days, which Outlook and Google Calendar import.
 */
import { Button, Group, Menu, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconCalendarEvent, IconChevronDown, IconFileExport, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react'
import { useState } from 'react'
import type { ExportResult } from '../../../../electron/shared/portfolio'
import type { Result } from '../../../../electron/shared/result'
import { plural } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { usePortfolioStore } from '../../stores/usePortfolioStore'

const RANGES = ['30', '60', '90'] as const

function announce(result: Result<ExportResult>, what: (count: number) => string): void {
  if (!result.ok) toastError('Export failed', result.error.message)
  else if (result.value.file.saved) toastSuccess(`Exported ${what(result.value.rowCount)}`, result.value.file.path)
}

function CalendarExport({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [days, setDays] = useState<(typeof RANGES)[number]>('30')
  const [saving, setSaving] = useState(false)
  async function save(): Promise<void> {
    setSaving(true)
    const result = await usePortfolioStore.getState().exportCalendar(Number(days))
    setSaving(false)
    announce(result, (count) => plural(count, 'deadline'))
    if (result.ok && result.value.file.saved) onClose()
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Export deadlines to a calendar" size="md">
      <Stack gap="md">
        <Text size="sm">
          One event per store deadline in this view, at the deadline, with the store, its country, the deadline in the store’s time and
          the next step. Outlook and Google Calendar import the file; exporting again updates the same events.
        </Text>
        <div>
          <Text size="sm" fw={500} mb={4} id="ics-range-label">
            Deadlines in the next
          </Text>
          <SegmentedControl
            aria-labelledby="ics-range-label"
            value={days}
            onChange={(value) => setDays(value as (typeof RANGES)[number])}
            data={RANGES.map((r) => ({ value: r, label: `${r} days` }))}
          />
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button leftSection={<IconCalendarEvent size={16} />} loading={saving} onClick={() => void save()} data-autofocus>
            Export .ics
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

export function ExportMenu() {
  const [busy, setBusy] = useState(false)
  const [calendarOpen, setCalendarOpen] = useState(false)
  async function run(exporter: () => Promise<Result<ExportResult>>): Promise<void> {
    setBusy(true)
    const result = await exporter()
    setBusy(false)
    announce(result, (count) => plural(count, 'store'))
  }
  const { exportCsv, exportXlsx } = usePortfolioStore.getState()
  return (
    <>
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileExport size={18} />} rightSection={<IconChevronDown size={14} />} loading={busy}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>The stores in this view</Menu.Label>
          <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void run(exportCsv)}>
            CSV
          </Menu.Item>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run(exportXlsx)}>
            Excel (.xlsx)
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconCalendarEvent size={16} />} onClick={() => setCalendarOpen(true)}>
            Calendar (.ics)…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CalendarExport opened={calendarOpen} onClose={() => setCalendarOpen(false)} />
    </>
  )
}
