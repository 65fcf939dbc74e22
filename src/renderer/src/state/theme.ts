// The color theme: the system's (default), or light or dark chosen in the app. A preference of
// this machine, not of a notebook, so it is kept in localStorage. CSS does the rest
// (html[data-theme] sets color-scheme; every color is light-dark()). The graph, drawn on a
// canvas, reads `useDarkTheme()` to recolor itself live.
import { useSyncExternalStore } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']
const KEY = 'glossa.theme'
const listeners = new Set<() => void>()

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY)
    return THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system'
  } catch {
    return 'system' // storage refused (a locked-down profile): the system theme
  }
}

let choice: ThemeChoice = 'system'

/** Applies the stored choice; call once before the first render so nothing flashes. */
export function initTheme(): void {
  choice = stored()
  apply()
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', notify)
}

export function setTheme(next: ThemeChoice): void {
  choice = next
  try {
    if (next === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, next)
  } catch {
    // Not kept across restarts, but applied now.
  }
  apply()
  notify()
}

function apply(): void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
}

function notify(): void {
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice)
}

/** Whether the page is dark now: the choice, or the system's when the choice is "system". */
export function isDark(): boolean {
  if (choice !== 'system') return choice === 'dark'
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, isDark)
}
