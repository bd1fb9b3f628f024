import { ActionIcon, Code, Popover, Stack, Text, Tooltip } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useDisclosure } from '@mantine/hooks'
import { useEffect } from 'react'
import { useCloseOnEscape } from '../../lib/use-close-on-escape'
import { useAppInfoStore } from '../../stores/useAppInfoStore'

export function AboutPopover() {
  const info = useAppInfoStore((s) => s.info)
  const error = useAppInfoStore((s) => s.error)
  const load = useAppInfoStore((s) => s.load)

  const [opened, popover] = useDisclosure(false)
  useCloseOnEscape(opened, popover.close)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <Popover opened={opened} onChange={(open) => (open ? popover.open() : popover.close())} position="bottom-end" shadow="md" width={360}>
      <Popover.Target>
        <Tooltip label="About Storewatch" openDelay={400}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label="About Storewatch" onClick={popover.toggle}>
            <IconInfoCircle size={20} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            Storewatch {info ? info.version : ''}
          </Text>
          <Text size="xs" c="dimmed">
            Keeps your clients’ Lazada stores subscribed, authorized and syncing.
          </Text>
          {info ? (
            <>
              <Text size="xs" fw={500} mt={4}>
                Data folder
              </Text>
              <Code block data-testid="data-folder">
                {info.dataDir}
              </Code>
              <Text size="xs" c="dimmed">
                Everything is stored on this computer, in {info.databasePath}.
              </Text>
            </>
          ) : (
            <Text size="xs" c={error ? 'red' : 'dimmed'}>
              {error ?? 'Loading…'}
            </Text>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
