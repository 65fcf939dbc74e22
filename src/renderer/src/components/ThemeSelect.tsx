// The theme setting: follow the system, or always light or dark. In the top bar and the library.
import { setTheme, THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../state/theme'
import { Icon } from './Icon'

const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

export function ThemeSelect() {
  const choice = useThemeChoice()
  return (
    <label className="theme-select" title="Color theme">
      <Icon name="contrast" />
      <select aria-label="Theme" value={choice} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABEL[c]}
          </option>
        ))}
      </select>
    </label>
  )
}
