// The crash-safety test's child: opens a notebook through the real Library / OpenNotebook and
// applies edits in bursts until it is killed. It prints, one line each (stdout to a pipe is
// synchronous on Linux, so a printed line survives a SIGKILL right after it):
//   ready            the notebook is open; edits start now
//   sent <n>         edit n was applied in memory (its save is under way)
//   ack <n>          edit n was saved (apply() resolved with saved: true, so it is on disk)
//   write-start      a notebook file replacement began (temp file opened)
//   write-renamed    the temp file was renamed over the notebook
// It waits for one line of JSON on stdin first ({ dataDir, id, iteration, seed }), so the
// parent can start it ahead of time and hide Node's start-up cost.
import * as nodeFs from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { FsLike } from '../../src/core/store/durable-file'
import { Library } from '../../src/core/store/library'
import type { Op } from '../../src/shared/ops'

interface Config {
  dataDir: string
  id: string
  iteration: number
  seed: number
}

const say = (line: string) => process.stdout.write(`${line}\n`)

/** Same file system, with markers around the moments a notebook file is replaced. */
const markedFs: FsLike = {
  ...nodeFs,
  open: (async (path: string, flags?: string) => {
    if (String(path).endsWith('.tmp') && flags === 'wx') say('write-start')
    return nodeFs.open(path, flags)
  }) as FsLike['open'],
  rename: async (from, to) => {
    await nodeFs.rename(from, to)
    say('write-renamed')
  },
}

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed with its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const noteId = (iteration: number, n: number) => `i${iteration}e${n}`
export const editTitle = (iteration: number, n: number) => `Edit ${iteration}-${n}`

function edit(iteration: number, n: number, at: string): Op[] {
  const note = {
    id: noteId(iteration, n),
    title: `Note ${iteration}.${n}`,
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: `Edit ${n} of run ${iteration}: ${'lorem ipsum '.repeat(8)}` }],
        },
      ],
    },
    createdAt: at,
    updatedAt: at,
  }
  return [
    { type: 'addNote', note },
    { type: 'renameNotebook', title: editTitle(iteration, n) },
  ]
}

async function run(config: Config): Promise<void> {
  const library = new Library({ dataDir: config.dataDir, fs: markedFs })
  const handle = await library.openNotebook(config.id)
  const random = mulberry32(config.seed)
  say('ready')
  for (let n = 0; ;) {
    // A burst of quick edits (coalesced into one write), then a pause of 0–300 ms: pauses over
    // the 150 ms delay let a write start; shorter ones keep the window open.
    const burst = 1 + Math.floor(random() * 5)
    for (let i = 0; i < burst; i++, n++) {
      const seq = n
      const at = new Date().toISOString()
      say(`sent ${seq}`)
      void handle
        .apply(edit(config.iteration, seq, at), at)
        .then((outcome) => say(outcome.saved ? `ack ${seq}` : `unsaved ${seq} ${outcome.saveError}`))
    }
    await new Promise((resolve) => setTimeout(resolve, random() * 300))
  }
}

if (process.argv.includes('--child')) {
  const lines = createInterface({ input: process.stdin })
  lines.once('line', (line) => {
    lines.close()
    run(JSON.parse(line) as Config).catch((error) => {
      say(`error ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    })
  })
}
