import { createTheme } from '@mantine/core'

/** Calm and compact: a tool a KAM keeps open all day next to a spreadsheet. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  cursorType: 'pointer'
})
