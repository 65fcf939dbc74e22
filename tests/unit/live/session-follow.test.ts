// A window's session follows changes made elsewhere: they replace its notebook once its own
// edits are answered, and undo still undoes only its own changes.
import { describe, expect, it, vi } from 'vitest'
import { applyOps } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import type { RemoteNotebook } from '../../../src/renderer/src/state/session'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'

/** The core: applies each batch when it arrives, answers when the test says (`answer`). */
let core: { nb: Notebook } | null = null
let answers: (() => void)[] = []
const answerAll = () => answers.splice(0).forEach((a) => a())
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: {
    applyOps: ({ ops }: { ops: Parameters<typeof applyOps>[1] }) => {
      if (core) core.nb = applyOps(core.nb, ops, AT).notebook
      return new Promise((resolve) =>
        answers.push(() => resolve({ updatedAt: new Date().toISOString(), saved: true })),
      )
    },
  },
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}))
const { NotebookSession } = await import('../../../src/renderer/src/state/session')

/** The core's notebook as a window's replica would show it. */
class FakeRemote implements RemoteNotebook {
  private listeners = new Set<() => void>()
  constructor(public nb: Notebook) {}
  current(): Notebook {
    return this.nb
  }
  subscribe(l: () => void) {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }
  close() {}
  static of(nb: Notebook): FakeRemote {
    const remote = new FakeRemote(nb)
    core = remote
    answers = []
    return remote
  }
  change(nb: Notebook) {
    this.nb = nb
    for (const l of this.listeners) l()
  }
}

const elsewhere = (nb: Notebook, ops: Parameters<typeof applyOps>[1]) => applyOps(nb, ops, AT).notebook

describe('a session following its notebook', () => {
  it('takes a change made in another window at once when nothing of its own is on its way', () => {
    const nb = baseNotebook()
    const session = new NotebookSession(nb)
    const remote = FakeRemote.of(nb)
    session.follow(remote)
    const renamed = elsewhere(nb, [{ type: 'renameNotebook', title: 'From the other window' }])
    remote.change(renamed)
    expect(session.notebook).toBe(renamed)
  })

  it('waits for its own edit to be answered, then takes the core’s notebook (which has both)', async () => {
    const nb = baseNotebook()
    const session = new NotebookSession(nb)
    const remote = FakeRemote.of(nb)
    session.follow(remote)
    session.run([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }])
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    // Another window renames the notebook; the core's notebook has both changes.
    remote.change(elsewhere(remote.nb, [{ type: 'renameNotebook', title: 'Theirs' }]))
    expect(session.notebook.title).not.toBe('Theirs') // not taken yet: ours is on its way
    expect(session.notebook.tags[0].color).toBe('#aa0000')
    answerAll()
    await session.settled()
    expect(session.notebook).toBe(remote.nb)
    expect(session.notebook.title).toBe('Theirs')
    expect(session.notebook.tags[0].color).toBe('#aa0000')
  })

  it('undoes only its own changes: an undo over someone else’s later edit is refused', async () => {
    const nb = baseNotebook()
    const session = new NotebookSession(nb)
    const remote = FakeRemote.of(nb)
    session.follow(remote)
    session.run([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }], { label: 'recolor' })
    session.run([{ type: 'updateTag', id: 't2', patch: { description: 'mine' } }], { label: 'describe' })
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    answerAll()
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    answerAll()
    await session.settled()
    const theirs = elsewhere(session.notebook, [{ type: 'updateTag', id: 't1', patch: { color: '#0000aa' } }])
    remote.change(theirs)
    expect(session.notebook.tags[0].color).toBe('#0000aa')
    expect(() => session.undoEntry(1)).toThrow(/color changed since/)
    expect(session.undoEntry(2)).toBe('describe')
    expect(session.notebook.tags[1].description).toBe('')
    expect(session.notebook.tags[0].color).toBe('#0000aa')
  })
})
