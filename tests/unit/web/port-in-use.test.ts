// Starting the browser host on a port already taken says what to do in one line (another
// --port, or 0 for a free one) instead of printing a raw EADDRINUSE.
import { describe, expect, it } from 'vitest'
import { startWebHost } from '../../../src/web/server'
import { useTestHost } from './host'

const hostRef = useTestHost()

describe('browser host start-up', () => {
  it('explains an address already in use, in one line', async () => {
    const { port, service, staticDir } = hostRef.current
    const second = startWebHost({ handlers: service.handlers, staticDir, token: 'another-token-0000', port })
    const error = await second.then(
      () => new Error('the second host started'),
      (e: Error) => e,
    )
    expect(error).toMatchObject({ code: 'web/port-in-use' })
    expect(error.message).toMatch(new RegExp(`port ${port} .*already in use`))
    expect(error.message).toMatch(/--port <another number>.*--port 0/)
    expect(error.message).not.toMatch(/EADDRINUSE|\n/)
  })
})
