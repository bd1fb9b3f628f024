import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/dates/styles.css'
import './app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { AppProviders } from './AppProviders'
import { useDataSafetyStore } from './stores/useDataSafetyStore'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// What start-up found in the data file decides the first screen: asked before anything renders.
void useDataSafetyStore
  .getState()
  .loadStartup()
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <AppProviders>
          <App />
        </AppProviders>
      </StrictMode>
    )
  )
