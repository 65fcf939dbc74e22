// The top bar's part for sharing: "Share…", and for a shared notebook its connection state
// (online, syncing, offline with changes waiting, refused) and who else is in it.
import { useState, useSyncExternalStore } from 'react'
import type { TeamStatus as Status } from '@shared/live/status'
import { count } from '@shared/plural'
import { useSession } from '../../state/use-session'
import { ConflictsButton } from './ConflictsButton'
import { ShareDialog } from './ShareDialog'
import './team.css'

export function TeamStatus() {
  const session = useSession()
  const team = useSyncExternalStore(session.subscribe, () => session.team)
  const [sharing, setSharing] = useState(false)
  return (
    <>
      {team?.readOnly && (
        <span
          className="team-readonly"
          role="status"
          title="This copy was joined with a read-only key: you can read it, not change it."
        >
          Read-only
        </span>
      )}
      {team && (
        <span
          className={`team-state team-${team.state}`}
          role="status"
          aria-label="Team connection"
          title={describe(team) + peersText(team)}
        >
          {describe(team)}
          {team.peers.length > 0 && <span className="team-peers">{peersText(team)}</span>}
        </span>
      )}
      {team && <ConflictsButton />}
      <button className="button ghost" onClick={() => setSharing(true)}>
        Share…
      </button>
      {sharing && <ShareDialog notebookId={session.notebook.id} onClose={() => setSharing(false)} />}
    </>
  )
}

function peersText(team: Status): string {
  if (!team.peers.length) return ''
  return ` · With ${team.peers.map((p) => (p.source ? `${p.name} (reading ${p.source})` : p.name)).join(', ')}`
}

function describe(team: Status): string {
  const waiting = `${count(team.waiting, 'change')} waiting`
  switch (team.state) {
    case 'online':
      return 'Online'
    case 'syncing':
      return team.waiting ? `Syncing… ${waiting}` : 'Syncing…'
    case 'offline':
      return team.waiting ? `Offline, ${waiting}` : 'Offline'
    case 'refused':
      return `Not shared: ${team.reason ?? 'the team server refused the key'}`
  }
}
