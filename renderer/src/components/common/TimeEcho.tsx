import { Text } from '@mantine/core'
import { formatKamTime, formatStoreTime, fromStoreInput, sameTimeAsKam } from '../../lib/dates'

/** The typed time read back unambiguously (a date input shows 03/01 as the OS likes it). */
export function TimeEcho({ value, country }: { value: string; country: string }) {
  const instant = fromStoreInput(value, country)
  if (instant === null || Number.isNaN(instant)) return null
  return (
    <Text size="xs" c="dimmed" mt={2} data-testid="time-echo">
      {formatStoreTime(instant, country)}
      {!sameTimeAsKam(instant, country) && ` = ${formatKamTime(instant)}`}
    </Text>
  )
}
