import { Alert, Anchor, Button, Code, FileButton, Group, List, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconAlertCircle, IconDownload, IconFileTypeCsv } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import type { DragEvent } from 'react'
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import { STORE_FIELDS } from '../../../../electron/shared/store-fields'
import { useImportStore } from '../../stores/useImportStore'
import { ImportProgressBar } from './ImportProgressBar'
import { useSaveTemplate } from './useSaveTemplate'

function ExpectedColumns() {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Columns Storewatch reads
      </Text>
      <SimpleGrid cols={2} spacing={4} verticalSpacing={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Expected columns">
        {STORE_FIELDS.map((field) => (
          <Text component="li" key={field.key} size="xs">
            <Code>{field.csvColumn}</Code>{' '}
            <Text span c="dimmed" size="xs">
              {field.label}
            </Text>
            {field.required && (
              <Text span c="red" size="xs" fw={600}>
                {' '}
                required
              </Text>
            )}
          </Text>
        ))}
      </SimpleGrid>
      <List size="xs" c="dimmed" spacing={2} mt={4}>
        <List.Item>The first row holds the column names; other columns are ignored.</List.Item>
        <List.Item>An Excel workbook (.xlsx: the first sheet), or a CSV separated by a comma (,) or a semicolon (;), saved as UTF-8 (Excel: “CSV UTF-8”).</List.Item>
        <List.Item>Dates as 2026-12-03, 3 Dec 2026, 25/12/2026 (day first) or Excel dates, with an optional time, in the store’s country time; a date that reads two ways (03/04/2026) is flagged, never guessed.</List.Item>
        <List.Item>
          Either the seller short code or the login e-mail for each store. Country as a code: {COVERED_COUNTRIES.join(', ')}; other
          countries are kept as out of scope.
        </List.Item>
        <List.Item>Nothing is written until you have seen the check and clicked Import.</List.Item>
      </List>
    </Stack>
  )
}

export function ImportChooseStep() {
  const step = useImportStore((s) => s.step)
  const file = useImportStore((s) => s.file)
  const progress = useImportStore((s) => s.progress)
  const error = useImportStore((s) => s.error)
  const choose = useImportStore((s) => s.choose)
  const saveTemplate = useSaveTemplate()
  const resetInput = useRef<() => void>(null)
  const [dragging, setDragging] = useState(false)
  const checking = step === 'checking'

  function onFile(picked: File | null): void {
    resetInput.current?.()
    if (picked) void choose(picked)
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault()
    setDragging(false)
    if (!checking) onFile(event.dataTransfer.files[0] ?? null)
  }

  return (
    <Stack gap="md">
      <div
        className="drop-zone"
        data-dragging={dragging}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Stack align="center" gap="sm" p="xl">
          {checking ? (
            <div style={{ width: '100%', maxWidth: 480 }}>
              <ImportProgressBar progress={progress} label={`Checking ${file?.name ?? 'the file'}`} />
            </div>
          ) : (
            <>
              <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
                <IconFileTypeCsv size={28} stroke={1.5} />
              </ThemeIcon>
              <Text size="sm" c="dimmed">
                Drop a CSV or Excel (.xlsx) file here, or
              </Text>
              <FileButton onChange={onFile} accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" resetRef={resetInput} inputProps={{ 'aria-label': 'CSV or Excel file' }}>
                {(props) => (
                  <Button {...props} data-autofocus>
                    Choose file
                  </Button>
                )}
              </FileButton>
            </>
          )}
        </Stack>
      </div>
      {error && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title="This file cannot be imported" role="alert">
          {error.message}
        </Alert>
      )}
      <Group gap="xs">
        <Text size="sm">Start from the template to get the columns right:</Text>
        <Anchor component="button" type="button" size="sm" onClick={() => void saveTemplate()}>
          <Group gap={4} component="span">
            <IconDownload size={14} />
            Download template
          </Group>
        </Anchor>
      </Group>
      <ExpectedColumns />
    </Stack>
  )
}
