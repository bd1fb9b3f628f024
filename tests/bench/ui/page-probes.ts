/**
 * What the UI bench runs inside the page, as script text: the bench is run by tsx, whose helpers
 * would not exist in the page if these were functions passed to page.evaluate.
 *
 * - `__swScroll(selector, { from, px, frames })`: scrolls an element by `px` each animation frame,
 *   `frames` times, starting at `from`, and answers the frames' timestamps.
 * - `__swControl(selector, rows)`: lays a plain static table over the element (same place and
 *   size, same row height, text of the same kind) and answers its selector: the baseline.
 * - `__swArmKeystroke(selector)`: watches for the next keydown; `__swKeystrokeDone` then answers,
 *   once it has changed the list, the ms from the keydown to the first paint after main's answer
 *   was shown: the list sets aria-busy while main answers, so the change is seen when aria-busy
 *   goes from true back to false. Armed before the key is pressed, so the keydown cannot be missed.
 */
export const PAGE_PROBES = String.raw`
window.__swAfterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

window.__swScroll = async (selector, options) => {
  const element = document.querySelector(selector)
  if (!element) throw new Error('Nothing to scroll at ' + selector)
  element.scrollTop = options.from
  await window.__swAfterPaint()
  await new Promise((resolve) => setTimeout(resolve, 400))
  const times = []
  await new Promise((resolve) => {
    let frame = 0
    const step = (time) => {
      times.push(time)
      if (frame++ >= options.frames) return resolve()
      element.scrollTop += options.px
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  return { times, scrolledTo: element.scrollTop }
}

window.__swControl = (selector, rows) => {
  const target = document.querySelector(selector)
  const rect = target.getBoundingClientRect()
  const box = document.createElement('div')
  box.id = 'sw-control'
  Object.assign(box.style, {
    position: 'fixed', left: rect.left + 'px', top: rect.top + 'px', width: rect.width + 'px', height: rect.height + 'px',
    overflow: 'auto', background: 'white', zIndex: '10000', font: '14px Inter, system-ui, sans-serif'
  })
  const cells = (i) => ['Client ' + i + ' Pte Ltd', 'Store ' + i + ' Official', 'SG', 'SG' + (100000 + i), 'seller' + i + '@example.com',
    'Ben Tan', 'VIP', 'Healthy', '15 Mar 2026 · in 7 days'].map((text) => '<td style="padding:0 12px;white-space:nowrap;border-bottom:1px solid #e9ecef">' + text + '</td>').join('')
  const body = Array.from({ length: rows }, (_, i) => '<tr style="height:36px">' + cells(i) + '</tr>').join('')
  box.innerHTML = '<table style="width:100%;border-collapse:collapse">' + body + '</table>'
  document.body.appendChild(box)
  return '#sw-control'
}

window.__swRemoveControl = () => document.getElementById('sw-control')?.remove()

window.__swArmKeystroke = (selector) => { window.__swKeystrokeDone = window.__swKeystroke(selector) }

window.__swKeystroke = (selector) => new Promise((resolve, reject) => {
  let start = null
  let busySeen = false
  const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('The list did not change within 10 s of a keystroke')) }, 10000)
  document.addEventListener('keydown', () => { start = performance.now() }, { once: true, capture: true })
  const observer = new MutationObserver(() => {
    const busy = document.querySelector(selector)?.getAttribute('aria-busy') === 'true'
    if (busy) busySeen = true
    else if (busySeen && start !== null) {
      observer.disconnect()
      clearTimeout(timeout)
      window.__swAfterPaint().then(() => resolve(performance.now() - start))
    }
  })
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] })
})
`

/**
 * Installed before the page loads: notes when the first store rows (not placeholders) were
 * painted, in ms since the navigation started, as `window.__swFirstRows`.
 */
export const FIRST_ROWS_PROBE = String.raw`
(() => {
  const seen = () => document.querySelector('[data-testid="portfolio-grid"] [data-row-index="0"] [data-col="clientName"] .cell-strong')
  const observer = new MutationObserver(() => {
    if (!seen()) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { window.__swFirstRows = performance.now() }, 0))
  })
  observer.observe(document, { subtree: true, childList: true })
})()
`
