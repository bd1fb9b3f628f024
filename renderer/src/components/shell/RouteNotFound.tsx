import { Button, Center, EmptyState } from '@mantine/core'
import { IconArrowLeft, IconMapPinOff } from '@tabler/icons-react'
import { Link } from 'wouter'

export function RouteNotFound() {
  return (
    <Center className="page">
      <EmptyState>
        <EmptyState.Indicator>
          <IconMapPinOff />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>Nothing here</EmptyState.Title>
        <EmptyState.Description>This page does not exist in Storewatch.</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} href="/" leftSection={<IconArrowLeft size={16} />}>
            Back to the dashboard
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}
