import { AppShell } from '@mantine/core'
import { Route, Router, Switch } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { StoreFormModal } from './components/form/StoreFormModal'
import { ImportModal } from './components/import/ImportModal'
import { PortfolioPage } from './components/portfolio/PortfolioPage'
import { AppHeader } from './components/shell/AppHeader'
import { RouteNotFound } from './components/shell/RouteNotFound'
import { StorePage } from './components/store/StorePage'

export function App() {
  return (
    <Router hook={useHashLocation}>
      <AppShell header={{ height: 52 }} padding={0}>
        <AppShell.Header>
          <AppHeader />
        </AppShell.Header>
        <AppShell.Main className="app-main">
          <Switch>
            <Route path="/">
              <PortfolioPage />
            </Route>
            <Route path="/stores/:id">{(params) => <StorePage idParam={params.id} />}</Route>
            <Route>
              <RouteNotFound />
            </Route>
          </Switch>
        </AppShell.Main>
      </AppShell>
      <StoreFormModal />
      <ImportModal />
    </Router>
  )
}
