import { COMMANDS, shortcutLabel } from '../commands/registry'
import { Dialog } from './Dialog'

export function ShortcutsPanel({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {Object.values(COMMANDS).map((c) => (
            <tr key={c.id}>
              <td>{c.label}</td>
              <td>
                <kbd>{shortcutLabel(c)}</kbd>
              </td>
              <td className="muted">
                {c.scope === 'selection'
                  ? 'with text selected in the source'
                  : 'anywhere outside a text field'}
              </td>
            </tr>
          ))}
          <tr>
            <td>Select text without the mouse</td>
            <td>
              <kbd>Shift+←→↑↓</kbd> <kbd>Ctrl+Shift+←→</kbd>
            </td>
            <td className="muted">after Tab to the source text (arrows move its caret)</td>
          </tr>
          <tr>
            <td>Open a highlight's passage</td>
            <td>
              <kbd>Enter</kbd>
            </td>
            <td className="muted">with the caret in the highlight</td>
          </tr>
          <tr>
            <td>Bold / italic in a note</td>
            <td>
              <kbd>Ctrl+B</kbd> <kbd>Ctrl+I</kbd>
            </td>
            <td className="muted">while writing a note</td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-footer">
        <button className="button primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
