/**
 * A step's text with Lazada's on-screen labels emphasised: the words in “…” are what the seller
 * looks for on the page (“Authorization Only”, “Half a year”, “Authorized Use”…), so they stand
 * out as they would on a button.
 */
import { Text } from '@mantine/core'
import type { TextProps } from '@mantine/core'
import { Fragment } from 'react'

const QUOTED = /“([^”]+)”/g

export function splitLabels(text: string): { text: string; label: boolean }[] {
  const parts: { text: string; label: boolean }[] = []
  let last = 0
  for (const match of text.matchAll(QUOTED)) {
    const at = match.index ?? 0
    if (at > last) parts.push({ text: text.slice(last, at), label: false })
    parts.push({ text: match[1]!, label: true })
    last = at + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), label: false })
  return parts
}

export function LabelledText({ text, ...props }: { text: string } & TextProps) {
  return (
    <Text {...props}>
      {splitLabels(text).map((part, i) =>
        part.label ? (
          <Fragment key={i}>
            “<strong className="ui-label">{part.text}</strong>”
          </Fragment>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        )
      )}
    </Text>
  )
}
