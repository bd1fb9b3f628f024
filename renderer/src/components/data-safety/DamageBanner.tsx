/**
 * Main found damage in the data file while the app ran and stopped saving: a banner on every page
 * says so until a backup is restored, and leads to Settings → Data.
 */
import { Alert, Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect } from 'react'
import { Link } from 'wouter'
import { api } from '../../api/client'
import { useDataSafetyStore } from '../../stores/useDataSafetyStore'

export function DamageBanner() {
  const damage = useDataSafetyStore((s) => (s.startup?.phase === 'open' ? s.startup.damage : null))
  useEffect(() => api.on('data:damaged', (found) => useDataSafetyStore.getState().damaged(found)), [])
  if (!damage) return null
  return (
    <Alert color="red" variant="filled" radius={0} icon={<IconAlertTriangle size={18} />} role="alert" className="damage-banner" title="Your portfolio file is damaged">
      <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-end">
        <Text size="sm">{damage.message}</Text>
        <Button component={Link} href="/settings?section=data" color="red" variant="white" size="compact-sm" style={{ flexShrink: 0 }}>
          Restore a backup…
        </Button>
      </Group>
    </Alert>
  )
}
