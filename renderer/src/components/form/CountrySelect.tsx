/**
 * The store form's country field. Mantine keeps the list's 250 options mounted while it is closed,
 * so the field is drawn again only when its own value or message changes, not on every keystroke
 * elsewhere in the form (that was a quarter of a second per key in development builds).
 */
import { Select } from '@mantine/core'
import type { SelectProps } from '@mantine/core'
import { memo } from 'react'
import { COUNTRY_OPTION_GROUPS } from '../../lib/country-options'

type CountrySelectProps = Pick<SelectProps, 'label' | 'withAsterisk' | 'value' | 'error' | 'onChange' | 'onFocus' | 'onBlur'>

const COMBOBOX_PROPS = { shadow: 'md' } as const
const SHOWN_PROPS = ['label', 'withAsterisk', 'value', 'error'] as const

/**
 * Mantine form's input handlers are new functions on every render, but they act through the
 * form's refs: an earlier one does what a later one would. Only what is shown decides a redraw.
 */
function sameShownProps(before: CountrySelectProps, after: CountrySelectProps): boolean {
  return SHOWN_PROPS.every((key) => Object.is(before[key], after[key]))
}

export const CountrySelect = memo(function CountrySelect(props: CountrySelectProps) {
  return (
    <Select
      {...props}
      // The field's hint would only repeat the placeholder.
      description={undefined}
      data={COUNTRY_OPTION_GROUPS}
      searchable
      placeholder="Pick or type a country"
      nothingFoundMessage="No such country"
      comboboxProps={COMBOBOX_PROPS}
      maxDropdownHeight={260}
    />
  )
}, sameShownProps)
