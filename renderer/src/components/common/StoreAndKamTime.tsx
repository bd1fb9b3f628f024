import { Stack, Text } from '@mantine/core'
import { formatKamTime, formatStoreTime, sameTimeAsKam } from '../../lib/dates'

/** An instant in the store's country time, and below it in the KAM's when their clocks differ. */
export function StoreAndKamTime({ instant, country, now }: { instant: number; country: string; now: number }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{formatStoreTime(instant, country)}</Text>
      {!sameTimeAsKam(instant, country) && (
        <Text size="xs" c="dimmed">
          {formatKamTime(instant, now)}
        </Text>
      )}
    </Stack>
  )
}
