import { useCallback } from 'react'
import { toastError, toastSuccess } from '../../lib/toast'
import { useImportStore } from '../../stores/useImportStore'

/** Saves the CSV template where the KAM picks and says where it went (nothing if they cancelled). */
export function useSaveTemplate(): () => Promise<void> {
  const saveTemplate = useImportStore((s) => s.saveTemplate)
  return useCallback(async () => {
    const result = await saveTemplate()
    if (!result.ok) toastError('Could not save the template', result.error.message)
    else if (result.value.saved) toastSuccess('CSV template saved', result.value.path)
  }, [saveTemplate])
}
