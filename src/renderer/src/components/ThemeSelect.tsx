// The theme setting: follow the system, or always light or dark. Three small radio buttons in
// the top bar and the library (arrow keys move between them, as in any radio group).
import { setTheme, THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../state/theme'
import { Icon } from './Icon'

const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }
const ICON = { system: 'contrast', light: 'sun', dark: 'moon' } as const

export function ThemeSelect() {
  const choice = useThemeChoice()
  const move = (e: React.KeyboardEvent) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0
    if (!step) return
    e.preventDefault()
    const next =
      THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + step + THEME_CHOICES.length) % THEME_CHOICES.length]
    setTheme(next)
    ;(e.currentTarget.querySelector(`[data-theme-choice="${next}"]`) as HTMLElement | null)?.focus()
  }
  return (
    <div role="radiogroup" aria-label="Theme" className="theme-select" onKeyDown={move}>
      {THEME_CHOICES.map((c) => (
        <button
          key={c}
          role="radio"
          aria-checked={choice === c}
          aria-label={LABEL[c]}
          title={`${LABEL[c]} theme`}
          tabIndex={choice === c ? 0 : -1}
          data-theme-choice={c}
          onClick={() => setTheme(c)}
        >
          <Icon name={ICON[c]} />
        </button>
      ))}
    </div>
  )
}
