/** A value to hand on (a link, a URL), shown as selectable text with a Copy button. */
import { CopyTextButton } from './CopyTextButton'

export function CopyField({ value, copyLabel, ariaLabel, onCopied, testId }: { value: string; copyLabel?: string; ariaLabel?: string; onCopied?(): void; testId?: string }) {
  return (
    <div className="copy-field">
      <span className="copy-field-text" data-testid={testId}>
        {value}
      </span>
      <CopyTextButton text={value} label={copyLabel} ariaLabel={ariaLabel} onCopied={onCopied} />
    </div>
  )
}
