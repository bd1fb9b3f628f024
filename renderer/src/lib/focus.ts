/** Taking the KAM to a field elsewhere on the page: scrolled into view, then focused. */
export function focusField(id: string): boolean {
  const element = document.getElementById(id)
  if (!element) return false
  element.scrollIntoView({ block: 'center', behavior: 'smooth' })
  element.focus({ preventScroll: true })
  return true
}
