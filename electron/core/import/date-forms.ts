/**
 * Dates in the forms people type in a spreadsheet, read as an instant (UTC epoch ms):
 *
 * - ISO 8601: `2026-12-03`, `2026-12-03 14:30`, `2026-12-03T14:30:00`, with `Z` or `+08:00` or not;
 * - day and month by number: `3/12/2026`, `03-12-2026`, `03.12.2026` (day first; month first only
 *   where the day-first reading is impossible, as in `12/31/2026`);
 * - day and month name: `3 Dec 2026`, `3 December 2026`, `Dec 3, 2026`;
 * - each with or without a time `HH:mm` (or `HH:mm:ss`);
 * - Excel serial numbers (`46359`, `46359.5`: days since 30 Dec 1899, as a cell formatted as a
 *   number shows a date).
 *
 * A value without a zone is wall-clock time in `timeZone` (the store's country time); a value
 * naming a zone (`Z`, `+07:00`) is read in that zone. A value that reads two ways (`03/04/2026`:
 * 3 April or 4 March) is never guessed: the answer is `ambiguous` with both readings.
 */
import { DateTime } from 'luxon'

export type DateReading =
  | { kind: 'blank' }
  | { kind: 'date'; instant: number }
  | { kind: 'ambiguous'; readings: [DateChoice, DateChoice] }
  | { kind: 'invalid'; message: string }

/** One way an ambiguous value can be read: the instant and how it reads ("3 Apr 2026"). */
export interface DateChoice {
  instant: number
  label: string
  order: 'day-first' | 'month-first'
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** Excel's day 0 (its 1900 leap-year bug included): serials count days from here. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000
/** Serials from 1 Jan 1990 to 31 Dec 2099: outside that a bare number is not taken for a date. */
const SERIAL_MIN = 32874
const SERIAL_MAX = 73415

export const DATE_FORMS_HINT = 'Write dates as 2026-12-03, 3 Dec 2026, 25/12/2026 (day first) or an Excel date, with an optional time such as 14:30'

interface Wall {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?`
const ZONE = String.raw`\s*(Z|[+-]\d{2}:?\d{2})?`
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}${ZONE}$`, 'i')
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}${ZONE}$`, 'i')
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[ -]([a-z]{3,12})\.?[ -](\d{4})${TIME}${ZONE}$`, 'i')
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-z]{3,12})\.? (\d{1,2}),? (\d{4})${TIME}${ZONE}$`, 'i')
const SERIAL = /^\d{5}(?:\.\d+)?$/

function monthOf(name: string): number | null {
  const lower = name.toLowerCase()
  const index = MONTH_NAMES.indexOf(lower.slice(0, 3))
  if (index < 0) return null
  // "Dec", "December", "Sept" are months; "Decoration" is not.
  const full = DateTime.utc(2000, index + 1, 1).setLocale('en').toFormat('LLLL').toLowerCase()
  return full.startsWith(lower) || lower === 'sept' ? index + 1 : null
}

function timeOf(match: RegExpMatchArray, from: number): Pick<Wall, 'hour' | 'minute' | 'second' | 'millisecond'> {
  return {
    hour: Number(match[from] ?? 0),
    minute: Number(match[from + 1] ?? 0),
    second: Number(match[from + 2] ?? 0),
    millisecond: Number((match[from + 3] ?? '0').padEnd(3, '0'))
  }
}

/** The zone to read a wall time in: the value's own offset, or the store's zone. */
function zoneFor(offset: string | undefined, timeZone: string): string {
  if (!offset) return timeZone
  if (offset.toUpperCase() === 'Z') return 'UTC'
  const digits = offset.replace(':', '')
  return `UTC${digits.slice(0, 3)}:${digits.slice(3)}`
}

/** The instant of a wall time in a zone, or null when no such date or time exists. */
function instantOf(wall: Wall, zone: string): number | null {
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return null
  const local = DateTime.fromObject(wall, { zone })
  if (!local.isValid) return null
  // luxon rolls 31 April into 1 May silently in some paths: the day must survive as written.
  if (local.day !== wall.day || local.month !== wall.month) return null
  return local.toMillis()
}

function label(wall: Wall): string {
  return `${wall.day} ${SHORT_MONTHS[wall.month - 1]} ${wall.year}`
}

function notADate(text: string, why: string): DateReading {
  return { kind: 'invalid', message: `"${text}" is not a date (${why}). ${DATE_FORMS_HINT}.` }
}

function readWall(text: string, wall: Wall, offset: string | undefined, timeZone: string): DateReading {
  const instant = instantOf(wall, zoneFor(offset, timeZone))
  if (instant === null) return notADate(text, `there is no ${label(wall)}${wall.hour || wall.minute ? ' at that time' : ''}`)
  return { kind: 'date', instant }
}

function readNumeric(text: string, match: RegExpMatchArray, timeZone: string): DateReading {
  const first = Number(match[1])
  const second = Number(match[2])
  const year = Number(match[3])
  const time = timeOf(match, 4)
  const offset = match[8]
  const zone = zoneFor(offset, timeZone)
  const dayFirst: Wall = { year, month: second, day: first, ...time }
  const monthFirst: Wall = { year, month: first, day: second, ...time }
  const asDayFirst = instantOf(dayFirst, zone)
  const asMonthFirst = first === second ? null : instantOf(monthFirst, zone)
  if (asDayFirst !== null && asMonthFirst !== null) {
    return {
      kind: 'ambiguous',
      readings: [
        { instant: asDayFirst, label: label(dayFirst), order: 'day-first' },
        { instant: asMonthFirst, label: label(monthFirst), order: 'month-first' }
      ]
    }
  }
  const instant = asDayFirst ?? asMonthFirst
  if (instant === null) return notADate(text, 'neither day/month nor month/day is a date')
  return { kind: 'date', instant }
}

function readSerial(text: string, timeZone: string): DateReading {
  const serial = Number(text)
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return notADate(text, 'as an Excel date number it is before 1990 or after 2099')
  // The serial's date and time of day are wall-clock values, as Excel shows them.
  const wallMs = EXCEL_EPOCH_UTC + Math.round(serial * DAY_MS / 60_000) * 60_000
  const at = new Date(wallMs)
  const wall: Wall = {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: 0,
    millisecond: 0
  }
  return readWall(text, wall, undefined, timeZone)
}

/** Reads one cell as a date in `timeZone` (an IANA zone) unless it names its own zone or offset. */
export function readDate(raw: string, timeZone: string): DateReading {
  const text = raw.trim()
  if (text === '') return { kind: 'blank' }
  let match = ISO.exec(text)
  if (match) {
    const wall: Wall = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), ...timeOf(match, 4) }
    return readWall(text, wall, match[8], timeZone)
  }
  match = NUMERIC.exec(text)
  if (match) return readNumeric(text, match, timeZone)
  match = DAY_MONTH_NAME.exec(text)
  if (match) {
    const month = monthOf(match[2]!)
    if (month === null) return notADate(text, `"${match[2]}" is not a month`)
    return readWall(text, { year: Number(match[3]), month, day: Number(match[1]), ...timeOf(match, 4) }, match[8], timeZone)
  }
  match = MONTH_NAME_DAY.exec(text)
  if (match) {
    const month = monthOf(match[1]!)
    if (month === null) return notADate(text, `"${match[1]}" is not a month`)
    return readWall(text, { year: Number(match[3]), month, day: Number(match[2]), ...timeOf(match, 4) }, match[8], timeZone)
  }
  if (SERIAL.test(text)) return readSerial(text, timeZone)
  return notADate(text, 'no date form matches it')
}

/**
 * An instant as the export writes it: ISO 8601 wall time in the zone with its offset,
 * `2026-12-03T00:00+08:00` (seconds and milliseconds only when there are any, so it reads back exact).
 */
export function isoInZone(instant: number, timeZone: string): string {
  const local = DateTime.fromMillis(instant, { zone: timeZone })
  const time = local.millisecond ? "HH:mm:ss.SSS" : local.second ? 'HH:mm:ss' : 'HH:mm'
  return local.toFormat(`yyyy-LL-dd'T'${time}ZZ`)
}
