// Over the browser host, as a double-click would send them: parallel creates with one title
// each get their own file, and every acknowledged id opens its own notebook.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { send, useTestHost } from './host'

const hostRef = useTestHost()
const post = async (method: string, args: unknown) => {
  const response = await send(hostRef.current.port, {
    method: 'POST',
    path: `/api/${method}`,
    body: JSON.stringify(args),
  })
  expect(response.status, response.body).toBe(200)
  return JSON.parse(response.body)
}

describe('parallel creates over HTTP', () => {
  it('8 createNotebook calls with one title leave 8 files, each id its own notebook', async () => {
    const created: { id: string; file: string }[] = await Promise.all(
      Array.from({ length: 8 }, () => post('createNotebook', { title: 'Same title' })),
    )
    expect(new Set(created.map((c) => c.id)).size).toBe(8)
    expect(new Set(created.map((c) => c.file.toLowerCase())).size).toBe(8)
    const dir = join(hostRef.current.root, 'data', 'notebooks')
    for (const c of created) expect(JSON.parse(await readFile(join(dir, c.file), 'utf8')).id).toBe(c.id)
    for (const c of created) expect((await post('openNotebook', { id: c.id })).notebook.id).toBe(c.id)
  })
})
