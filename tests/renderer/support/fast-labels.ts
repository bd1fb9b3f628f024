/**
 * The same `labels` as jsdom's, computed once per state of the document instead of on every read.
 *
 * jsdom answers `input.labels` by walking the whole document and, for each label with a `for`,
 * walking it again to find that id. Testing Library's label and role queries read `labels` on
 * every element of the page, so one query on the settings page (about a thousand elements, sixty
 * labels) took seconds, and a test's duration grew with the square of the page. Here the labels of
 * every control are worked out in one pass (labels found by selector, `for` resolved through the
 * document's id index) and kept until the document changes.
 */

/** HTML's labelable elements (form-associated custom elements aside: the app has none). */
const LABELABLE = 'button, input:not([type="hidden" i]), meter, output, progress, select, textarea'

let labelsByControl: Map<Element, HTMLLabelElement[]> | null = null
const changes = new MutationObserver(() => {
  labelsByControl = null
})

function controlOf(label: HTMLLabelElement): Element | null {
  if (!label.hasAttribute('for')) return label.querySelector(LABELABLE)
  const id = label.getAttribute('for')
  if (!id) return null
  const root = label.getRootNode()
  const target = root === document ? document.getElementById(id) : label.control
  return target?.matches(LABELABLE) ? target : null
}

function labelsOf(control: Element): HTMLLabelElement[] {
  if (changes.takeRecords().length > 0) labelsByControl = null
  if (!labelsByControl) {
    labelsByControl = new Map()
    for (const label of document.querySelectorAll('label')) {
      const target = controlOf(label)
      if (!target) continue
      const list = labelsByControl.get(target) ?? []
      list.push(label)
      labelsByControl.set(target, list)
    }
  }
  return labelsByControl.get(control) ?? []
}

export function installFastLabels(): void {
  changes.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['for', 'id', 'type'] })
  const controls = [HTMLButtonElement, HTMLInputElement, HTMLMeterElement, HTMLOutputElement, HTMLProgressElement, HTMLSelectElement, HTMLTextAreaElement]
  for (const control of controls) {
    const jsdomLabels = Object.getOwnPropertyDescriptor(control.prototype, 'labels')?.get
    Object.defineProperty(control.prototype, 'labels', {
      configurable: true,
      enumerable: true,
      get(this: Element) {
        // Hidden inputs (no labels) and controls outside the document keep jsdom's own answer.
        if (this.getRootNode() !== document || !this.matches(LABELABLE)) return jsdomLabels?.call(this) ?? null
        return labelsOf(this)
      }
    })
  }
}
