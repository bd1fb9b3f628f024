/**
 * Shows the app once its data file is open; before that, what start-up found: a choice the KAM
 * must make (the file is missing, empty or damaged: restore a backup or start empty) or why the
 * file cannot be opened. Nothing else asks main for data until then.
 */
import { Center, Loader, Stack } from '@mantine/core'
import { useEffect } from 'react'
import type { ReactNode } from 'react'
import { useDataSafetyStore } from '../../stores/useDataSafetyStore'
import { LoadFailed } from '../common/LoadFailed'
import { StartupRefused, StartupScreen } from './StartupScreen'

export function StartupGate({ children }: { children: ReactNode }) {
  const startup = useDataSafetyStore((s) => s.startup)
  const error = useDataSafetyStore((s) => s.startupError)
  const load = useDataSafetyStore((s) => s.loadStartup)
  useEffect(() => {
    if (!startup) void load()
  }, [startup, load])

  if (startup?.phase === 'open') return <>{children}</>
  return (
    <div className="startup-page">
      {startup?.phase === 'choose' ? (
        <StartupScreen state={startup} />
      ) : startup?.phase === 'refused' ? (
        <StartupRefused state={startup} />
      ) : error ? (
        <Stack maw={560} mx="auto" pt="xl">
          <LoadFailed what="its data" error={error} onRetry={() => void load()} />
        </Stack>
      ) : (
        <Center h="100%">
          <Loader size="sm" aria-label="Opening your portfolio" />
        </Center>
      )}
    </div>
  )
}
