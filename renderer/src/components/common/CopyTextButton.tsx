/** A button that copies a text for the KAM and says so ("Copied") for a moment. */
import { Button } from '@mantine/core'
import type { ButtonProps } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { copyText } from '../../lib/clipboard'
import { toastError } from '../../lib/toast'

interface CopyTextButtonProps extends Pick<ButtonProps, 'size' | 'variant' | 'color'> {
  text: string
  label?: string
  /** The accessible name when the label alone is not enough ("Copy the Singapore link"). */
  ariaLabel?: string
  /** After a successful copy (e.g. to write it to the store's history). */
  onCopied?(): void
}

/** How long the button says "Copied". */
export const COPIED_MS = 2000

export function CopyTextButton({ text, label = 'Copy', ariaLabel, onCopied, size = 'compact-sm', variant = 'default', color }: CopyTextButtonProps) {
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), COPIED_MS)
    return () => clearTimeout(timer)
  }, [copied])

  async function onClick(): Promise<void> {
    const outcome = await copyText(text)
    if (!outcome.ok) {
      toastError('Not copied', outcome.message)
      return
    }
    setCopied(true)
    onCopied?.()
  }

  return (
    <Button
      size={size}
      variant={copied ? 'light' : variant}
      color={copied ? 'teal' : color}
      leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
      onClick={() => void onClick()}
      aria-label={ariaLabel}
      style={{ flexShrink: 0 }}
    >
      {copied ? 'Copied' : label}
    </Button>
  )
}
