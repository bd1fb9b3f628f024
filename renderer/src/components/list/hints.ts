/**
 * Hints for HoverTip. An element carries its hint as `data-tip="text"`, or, where working the text
 * out costs something every row would pay while scrolling (a date in two clocks), as
 * `data-hint="kind|value"`, worked out by the kind's resolver only when the hint is shown.
 */
type HintResolver = (value: string) => string

const resolvers = new Map<string, HintResolver>()

export function defineHint(kind: string, resolve: HintResolver): void {
  resolvers.set(kind, resolve)
}

/** The attribute that names a lazily worked-out hint. */
export function lazyHint(kind: string, value: string): { 'data-hint': string } {
  return { 'data-hint': `${kind}|${value}` }
}

export const HINTED = '[data-tip], [data-hint]'

export function hintOf(element: HTMLElement): string | null {
  if (element.dataset.tip) return element.dataset.tip
  const named = element.dataset.hint
  if (!named) return null
  const split = named.indexOf('|')
  const resolve = resolvers.get(named.slice(0, split))
  return resolve ? resolve(named.slice(split + 1)) : null
}
