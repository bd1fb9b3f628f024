import { createTheme, Modal } from '@mantine/core'
import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core'

/**
 * Mantine's palette with its two darkest shades made dark enough for text (WCAG AA, 4.5:1 on white
 * and on the hue's own lightest shade): the app writes status words, deadlines ("in 4 days") and
 * buttons like "Delete" in shades 8 and 9, and Mantine's orange.9, yellow.9 and green.9 read at
 * 3.0–4.4:1. Shades 0–7 (backgrounds, borders, dots) stay as they were.
 */
function withDarkText(base: readonly string[], shade8: string, shade9: string): MantineColorsTuple {
  return [...base.slice(0, 8), shade8, shade9] as unknown as MantineColorsTuple
}

const RED = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#f03e3e']
const ORANGE = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#f76707']
const YELLOW = ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#f59f00']
const GREEN = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#37b24d']
const TEAL = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678']

/** Calm and compact: a tool a KAM keeps open all day next to a spreadsheet. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons, links and outlines in shade 8: white on indigo.6 was 4.3:1, red "Delete" 3.3:1.
  primaryShade: 8,
  colors: {
    red: withDarkText(RED, '#c92a2a', '#a51d1d'),
    orange: withDarkText(ORANGE, '#c2410c', '#9a3412'),
    yellow: withDarkText(YELLOW, '#a16207', '#854d0e'),
    green: withDarkText(GREEN, '#237032', '#1b5e2a'),
    teal: withDarkText(TEAL, '#087f5b', '#066649')
  },
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // The ✕ of every dialog says what it does to a screen reader.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } })
  }
})

/** Secondary ("dimmed") text in gray.7, 8.2:1 on white; Mantine's gray.6 is 3.3:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {}
})
