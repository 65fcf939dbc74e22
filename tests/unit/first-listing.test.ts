// The library's first listing (src/renderer/src/components/library/first-listing.ts): asked for
// when the page starts on the library, shown by the first render once it has arrived, taken once.
import { afterEach, describe, expect, it, vi } from 'vitest'

const listing = { notebooks: [{ id: 'nb', title: 'Alpha' }], damaged: [] }

/** A page on `hash` whose host answers each call when `answer` is called. */
function page(hash: string) {
  const pending: (() => void)[] = []
  const calls: string[] = []
  const fetch = vi.fn(async (url: string) => {
    calls.push(url)
    await new Promise<void>((r) => pending.push(r))
    const body = url.endsWith('listTrash') ? { items: [] } : listing
    return {
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      json: async () => body,
    }
  })
  const store = new Map<string, string>()
  vi.stubGlobal('window', globalThis)
  const location = { hash, pathname: '/', search: '' }
  vi.stubGlobal('location', location)
  // As a browser does: the new address's hash becomes location.hash.
  vi.stubGlobal('history', {
    replaceState: (_: unknown, __: string, url: string) => (location.hash = url.slice(url.indexOf('#'))),
  })
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  })
  vi.stubGlobal('fetch', fetch)
  const answer = async () => {
    pending.splice(0).forEach((r) => r())
    await new Promise((r) => setTimeout(r)) // the answers' json() and Promise.all settle
  }
  return { calls, answer }
}

const load = () => import('../../src/renderer/src/components/library/first-listing')

describe('the first listing', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  it('is asked for at start on the library, shown once it has arrived, and taken once', async () => {
    const host = page('#token=abcdefgh1234')
    const first = await load()
    expect(host.calls).toEqual(['/api/listNotebooks', '/api/listTrash'])
    expect(first.arrivedFirstListing()).toBeNull() // not here yet: the screen shows "Loading…"
    await host.answer()
    const arrived = first.arrivedFirstListing()
    expect(arrived).toEqual({ ...listing, trash: [] })
    // Taking it gives the same object, so setting it again does not render again.
    expect(await first.takeFirstListing()).toBe(arrived)
    expect(first.arrivedFirstListing()).toBeNull() // a later visit to the library lists afresh
    expect(first.takeFirstListing()).toBeNull()
  })

  it('asks for nothing when the page starts on a notebook', async () => {
    const host = page('#/nb/abc')
    const first = await load()
    await host.answer()
    expect(host.calls).toEqual([])
    expect(first.arrivedFirstListing()).toBeNull()
    expect(first.takeFirstListing()).toBeNull()
  })
})
