import { AppShell } from '@mantine/core'
import { Route, Router, Switch } from 'wouter'
import { DamageBanner } from './components/data-safety/DamageBanner'
import { StartupGate } from './components/data-safety/StartupGate'
import { DashboardPage } from './components/dashboard/DashboardPage'
import { StoreFormModal } from './components/form/StoreFormModal'
import { ImportModal } from './components/import/ImportModal'
import { NotificationsPage } from './components/notifications/NotificationsPage'
import { PortfolioPage } from './components/portfolio/PortfolioPage'
import { SettingsPage } from './components/settings/SettingsPage'
import { AppHeader } from './components/shell/AppHeader'
import { LazadaHostsBanner } from './components/shell/LazadaHostsBanner'
import { LiveUpdates } from './components/shell/LiveUpdates'
import { RouteNotFound } from './components/shell/RouteNotFound'
import { StorePage } from './components/store/StorePage'
import { useHashLocation } from './lib/hash-location'

export function App() {
  return (
    <StartupGate>
      <Shell />
    </StartupGate>
  )
}

function Shell() {
  return (
    <Router hook={useHashLocation}>
      <LiveUpdates />
      <AppShell header={{ height: 52 }} padding={0}>
        <AppShell.Header>
          <AppHeader />
        </AppShell.Header>
        <AppShell.Main className="app-main">
          <LazadaHostsBanner />
          <DamageBanner />
          <Switch>
            <Route path="/">
              <DashboardPage />
            </Route>
            <Route path="/portfolio">
              <PortfolioPage />
            </Route>
            <Route path="/stores/:id">{(params) => <StorePage idParam={params.id} />}</Route>
            <Route path="/notifications">
              <NotificationsPage />
            </Route>
            <Route path="/settings">
              <SettingsPage />
            </Route>
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
