import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../../renderer/src/App'
import { AppProviders } from '../../../renderer/src/AppProviders'
import { useDataSafetyStore } from '../../../renderer/src/stores/useDataSafetyStore'
import { installedBridge } from './fake-bridge'

/**
 * The whole app at `hash`, as the KAM sees it, with a user who types and clicks. Like main.tsx, it
 * knows what start-up found before the first render (the fake bridge's `startup`, open by default).
 */
export function renderApp(hash = '#/') {
  window.location.hash = hash
  const bridge = installedBridge()
  if (bridge) useDataSafetyStore.setState({ startup: structuredClone(bridge.startup) })
  const user = userEvent.setup()
  const view = render(
    <AppProviders env="test">
      <App />
    </AppProviders>
  )
  return { user, ...view }
}
