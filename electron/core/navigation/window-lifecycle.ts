/**
 * The main window's life while checks run in the background: closing it hides it (the scheduler
 * and notifications keep going) unless the app is quitting; the first time, the KAM is told where
 * the app went.
 */

export type CloseDecision = { action: 'close' } | { action: 'hide'; tellKam: boolean }

export function decideWindowClose(state: {
  /** `before-quit` fired (tray "Quit", Cmd+Q, an update install) or Windows is ending the session. */
  quitting: boolean
  /** The KAM has already been told, in this data folder, that Storewatch keeps running. */
  backgroundHintShown: boolean
}): CloseDecision {
  if (state.quitting) return { action: 'close' }
  return { action: 'hide', tellKam: !state.backgroundHintShown }
}

/** The one-time notice, naming where the icon lives on this platform. */
export function backgroundHint(platform: string): { title: string; body: string } {
  const where = platform === 'darwin' ? 'the menu bar' : 'the tray'
  return {
    title: 'Storewatch is still running',
    body: `Storewatch keeps checking in the background — find it in ${where}.`
  }
}
