// The theme setting: follow the system, or always light or dark. Three small radio buttons in
// the top bar and the library (arrow keys move between them, as in any radio group).
import { setTheme, THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../state/theme'
import { Icon } from './Icon'
import { radioArrowKeys } from './radio-keys'

const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }
const ICON = { system: 'contrast', light: 'sun', dark: 'moon' } as const

export function ThemeSelect() {
  const choice = useThemeChoice()
  const move = radioArrowKeys(THEME_CHOICES, choice, setTheme)
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
          data-choice={c}
          onClick={() => setTheme(c)}
        >
          <Icon name={ICON[c]} />
        </button>
      ))}
    </div>
  )
}
