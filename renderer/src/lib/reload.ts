/** Starts the window afresh, e.g. on a restored portfolio: every screen then loads from main again. */
export function reloadWindow(): void {
  window.location.reload()
}
