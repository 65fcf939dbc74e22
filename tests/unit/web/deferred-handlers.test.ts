// The browser host's handlers while its core loads (src/web/deferred-handlers.ts): the library's
// listing and trash come from the library alone and then start the core; every other call waits
// for the core; once it is loaded, everything goes to it. And the early listing is the service's.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '@shared/contract'
import { RecentlyOpened } from '../../../src/core/library/recently-opened'
import { listingHandlers, openLibrary } from '../../../src/core/open-library'
import { createService } from '../../../src/core/service'
import { deferredHandlers, type EarlyHandlers } from '../../../src/web/deferred-handlers'
import { RESOURCES } from '../../helpers/temp-dir'

const listing = { notebooks: [], damaged: [] }

function setup() {
  let loaded = false
  const early = {
    listNotebooks: vi.fn(async () => listing),
    listTrash: vi.fn(async () => ({ items: [] })),
  }
  const core = {
    listNotebooks: vi.fn(async () => ({ ...listing, from: 'core' })),
    openNotebook: vi.fn(async () => 'opened'),
  }
  let release!: () => void
  const coreLoaded = new Promise<void>((r) => (release = r))
  const real = vi.fn(async () => {
    await coreLoaded
    loaded = true
    return core as unknown as Handlers
  })
  const firstListingAnswered = vi.fn()
  const handlers = deferredHandlers({
    early: early as unknown as EarlyHandlers,
    real,
    loaded: () => loaded,
    firstListingAnswered,
  })
  return { handlers, early, core, real, release, firstListingAnswered }
}

describe('deferredHandlers', () => {
  it('answers the listing and the trash without the core, then asks for the core once', async () => {
    const { handlers, early, real, firstListingAnswered } = setup()
    await expect(handlers.listNotebooks({})).resolves.toBe(listing)
    expect(firstListingAnswered).not.toHaveBeenCalled() // the trash is not answered yet
    await handlers.listTrash({})
    await handlers.listNotebooks({}) // the library screen asking again
    expect(early.listNotebooks).toHaveBeenCalledTimes(2)
    expect(firstListingAnswered).toHaveBeenCalledTimes(1)
    expect(real).not.toHaveBeenCalled()
  })

  it('makes every other call wait for the core', async () => {
    const { handlers, core, release } = setup()
    let answer: unknown = null
    const opening = handlers.openNotebook({ id: 'nb' }).then((a) => (answer = a))
    await Promise.resolve()
    expect(answer).toBeNull()
    release()
    await opening
    expect(answer).toBe('opened')
    expect(core.openNotebook).toHaveBeenCalledWith({ id: 'nb' })
  })

  it('sends the listing to the core once it is loaded', async () => {
    const { handlers, early, release } = setup()
    release()
    await handlers.openNotebook({ id: 'nb' })
    await expect(handlers.listNotebooks({})).resolves.toMatchObject({ from: 'core' })
    expect(early.listNotebooks).not.toHaveBeenCalled()
  })

  it('passes an early failure on, and still counts the call as answered', async () => {
    const { handlers, early, firstListingAnswered } = setup()
    early.listTrash.mockRejectedValueOnce(new Error('trash unreadable'))
    await expect(handlers.listTrash({})).rejects.toThrow('trash unreadable')
    await handlers.listNotebooks({})
    expect(firstListingAnswered).toHaveBeenCalledTimes(1)
  })
})

describe('the early listing', () => {
  let dir = ''
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('lists as the service does, most recently opened first', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glossa-early-'))
    const options = { dataDir: dir, resourcesDir: RESOURCES, host: 'web' as const, version: 't' }
    const service = await createService(options)
    const a = await service.handlers.createNotebook({ title: 'Alpha' })
    await service.handlers.createNotebook({ title: 'Beta' })
    await service.handlers.openNotebook({ id: a.id }) // Alpha is now the most recent
    const expected = await service.handlers.listNotebooks({})
    await service.close()

    const library = await openLibrary(options)
    const early = listingHandlers(library, new RecentlyOpened(dir))
    const got = await early.listNotebooks({})
    expect(got).toEqual(expected)
    expect(got.notebooks[0].title).toBe('Alpha')
    expect(await early.listTrash({})).toEqual({ items: [] })
    await library.flushAll()
  })
})
