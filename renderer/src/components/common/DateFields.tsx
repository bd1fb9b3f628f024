/**
 * Date fields in the app's own format ("3 Dec 2026", "3 Dec 2026 23:59") in every browser, not the
 * native date input's mm/dd/yyyy. Typed or picked from a calendar. The values the forms keep are
 * unchanged: `YYYY-MM-DD` for a calendar date, `YYYY-MM-DDTHH:mm` for a wall-clock time in the
 * store's country (read in that zone by `fromStoreInput`), '' for empty.
 */
import { DateInput } from '@mantine/dates'
import type { DateInputProps } from '@mantine/dates'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import customParseFormat from 'dayjs/plugin/customParseFormat'

// Reading "3 Dec 2026 23:59" back needs dayjs's format parsing.
dayjs.extend(customParseFormat)

export const DATE_FORMAT = 'D MMM YYYY'
export const DATE_TIME_FORMAT = 'D MMM YYYY HH:mm'

type FieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'withTime' | 'defaultValue'> & {
  value: string
  onChange(value: string): void
}

/**
 * While its calendar is open, Esc in the field closes the calendar only, not the dialog around it
 * (a dialog hears Esc first, and skips what is marked to stop it). The calendar opens on focus,
 * click and typing, and closes on Esc, blur and a pick; the focus its closing hands back to the
 * field does not open it again.
 */
function useCalendarEscape(onChange: (value: string) => void) {
  const [open, setOpen] = useState(false)
  const closedByEscape = useRef(false)
  return {
    'data-mantine-stop-propagation': open || undefined,
    onFocus: () => {
      if (closedByEscape.current) closedByEscape.current = false
      else setOpen(true)
    },
    onClick: () => setOpen(true),
    onInput: () => setOpen(true),
    onBlur: () => setOpen(false),
    onKeyDown: (event: { key: string }) => {
      if (event.key !== 'Escape') return
      closedByEscape.current = open
      setOpen(false)
    },
    change: (value: string) => {
      setOpen(false)
      onChange(value)
    }
  }
}

/** A wall-clock time: `YYYY-MM-DDTHH:mm` in and out. */
export function DateTimeField({ value, onChange, ...rest }: FieldProps) {
  const { change, ...calendar } = useCalendarEscape(onChange)
  return (
    <DateInput
      placeholder="3 Dec 2026 23:59"
      clearable
      {...calendar}
      {...rest}
      withTime
      valueFormat={DATE_TIME_FORMAT}
      value={value === '' ? null : `${value.replace('T', ' ')}:00`}
      onChange={(next) => change(next ? next.slice(0, 16).replace(' ', 'T') : '')}
    />
  )
}

/** A calendar date: `YYYY-MM-DD` in and out. */
export function DateField({ value, onChange, ...rest }: FieldProps) {
  const { change, ...calendar } = useCalendarEscape(onChange)
  return (
    <DateInput
      placeholder="3 Dec 2026"
      {...calendar}
      {...rest}
      valueFormat={DATE_FORMAT}
      value={value === '' ? null : value}
      onChange={(next) => change(next ? next.slice(0, 10) : '')}
    />
  )
}
