/** "Open Settings → Integrator": where the KAM fills in what a feature is missing. */
import { Anchor } from '@mantine/core'
import { Link } from 'wouter'

export const INTEGRATOR_SETTINGS_PATH = '/settings?section=integrator'
export const LAZADA_SETTINGS_PATH = '/settings?section=lazada'
export const TEAM_SETTINGS_PATH = '/settings?section=team'

export function IntegratorSettingsLink({ children = 'Open Settings → Integrator' }: { children?: string }) {
  return (
    <Anchor component={Link} href={INTEGRATOR_SETTINGS_PATH} size="sm" fw={500}>
      {children}
    </Anchor>
  )
}
