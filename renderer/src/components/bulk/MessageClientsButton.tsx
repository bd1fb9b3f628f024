/**
 * "Message clients" beside a list's selection: opens one message per client for the selected
 * stores (ClientMessagesModal). Shown only while rows are selected.
 */
import { Button } from '@mantine/core'
import { IconMailForward } from '@tabler/icons-react'
import { selectedCount } from '../../lib/selection'
import { useClientMessagesStore } from '../../stores/useClientMessagesStore'
import { useDashboardStore } from '../../stores/useDashboardStore'
import { usePortfolioStore } from '../../stores/usePortfolioStore'
import { ClientMessagesModal } from './ClientMessagesModal'

/** How many rows are selected in the list, and what main resolves them from. */
function useListSelection(list: 'portfolio' | 'worklist') {
  const portfolioCount = usePortfolioStore((s) => selectedCount(s.selection, s.total))
  const worklistCount = useDashboardStore((s) => selectedCount(s.selection, s.dashboard?.needsAction ?? 0))
  return list === 'portfolio'
    ? { count: portfolioCount, spec: () => usePortfolioStore.getState().selectionSpec() }
    : { count: worklistCount, spec: () => useDashboardStore.getState().selectionSpec() }
}

export function MessageClientsButton({ list }: { list: 'portfolio' | 'worklist' }) {
  const { count, spec } = useListSelection(list)
  const open = useClientMessagesStore((s) => s.open)
  if (count === 0) return null
  return (
    <>
      <Button variant="light" size="compact-sm" w="fit-content" leftSection={<IconMailForward size={14} />} onClick={() => void open(spec())}>
        Message clients
      </Button>
      <ClientMessagesModal />
    </>
  )
}
