import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import { App } from '../../../renderer/src/App'
import { AppProviders } from '../../../renderer/src/AppProviders'
import { useDataSafetyStore } from '../../../renderer/src/stores/useDataSafetyStore'
import { installedBridge } from './fake-bridge'

/**
 * The whole app at `hash`, as the KAM sees it, with a user who types and clicks. Like main.tsx, it
 * knows what start-up found before the first render (the fake bridge's `startup`, open by default).
 * Under fake timers (support/fake-timers.ts) the user's pauses move the fake clock.
 */
export function renderApp(hash = '#/') {
  window.location.hash = hash
  const bridge = installedBridge()
  if (bridge) useDataSafetyStore.setState({ startup: structuredClone(bridge.startup) })
  const user = userEvent.setup(vi.isFakeTimers() ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {})
  const view = render(
    <AppProviders env="test">
      <App />
    </AppProviders>
  )
  return { user, ...view }
}

/**
 * Puts `text` in a field in one change, as a paste does: for tests where the value is the point and
 * a whole-form render per keystroke is not.
 */
export async function fill(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, text: string): Promise<void> {
  await user.click(field)
  await user.paste(text)
}
