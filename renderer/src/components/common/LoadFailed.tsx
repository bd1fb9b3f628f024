import { Alert, Button, Text } from '@mantine/core'

/** What a screen shows when its data could not be loaded: what failed, why, and a way to retry. */
export function LoadFailed({ what, error, onRetry, m, role }: { what: string; error: string | null; onRetry(): void; m?: string; role?: string }) {
  return (
    <Alert color="red" title={`Storewatch could not load ${what}`} m={m} role={role}>
      <Text size="sm" mb="sm">
        {error}
      </Text>
      <Button size="xs" variant="light" color="red" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  )
}
