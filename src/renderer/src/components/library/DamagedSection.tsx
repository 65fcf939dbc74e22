// Files in the notebooks folder that could not be opened, with the reason; "Restore from
// backup" where a backup exists (the damaged file is kept aside, never deleted).
import type { DamagedFile } from '@shared/schema'
import { restoreFromBackup } from './library-actions'

export function DamagedSection({ damaged, reload }: { damaged: DamagedFile[]; reload: () => Promise<void> }) {
  if (damaged.length === 0) return null
  return (
    <section className="damaged" aria-labelledby="damaged-heading">
      <h2 id="damaged-heading">Files that could not be opened</h2>
      <p className="muted">Glossa leaves these files exactly as they are.</p>
      <ul>
        {damaged.map((d) => (
          <li key={d.file} className="damaged-item">
            <strong>{d.file}</strong>
            <span className="damaged-reason">{d.reason}</span>
            {d.hasBackup && (
              <span className="damaged-actions">
                <span className="muted">A backup exists.</span>
                <button className="button small" onClick={() => void restoreFromBackup(d.file, reload)}>
                  Restore from backup
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
