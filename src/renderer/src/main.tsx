// First, before React is evaluated: takes the token and asks for the library's listing.
import './components/library/first-listing'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { captureToken } from './api/client'
import { App } from './App'
import { initTheme } from './state/theme'
import './styles/base.css'
import './styles/layout.css'
import './styles/reader.css'
import './styles/tags.css'
import './styles/links.css'

captureToken()
initTheme()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
