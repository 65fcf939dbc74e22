import type { Page } from '@playwright/test'
import { describeRange } from '../../src/shared/anchoring'
import type { Op } from '../../src/shared/ops'
import { plainText } from '../../src/shared/plain-text'
import type { Annotation, Notebook } from '../../src/shared/schema'
import { expect, test } from './fixtures'
import { openSeedNotebook, passageCard } from './helpers'
import { AIN, linkTo, mark, PHASE1 } from './link-helpers'
import { expectFlashed } from './flash-recorder'

/** Watches the console for Content-Security-Policy violations (Cytoscape must run under ours). */
function cspViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text())
  })
  return seen
}

test('the graph shows both linked passages, the labelled edge and the note page; filters and clicks work', async ({
  glossa,
}) => {
  const { page } = glossa
  const violations = cspViolations(page)
  await openSeedNotebook(page)
  const ain = await mark(page, AIN)
  const phase = await mark(page, PHASE1)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  await linkTo(page, 'asad', /Ain al-Asad/, 'elaborates')
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note page text' }).click()
  await page.keyboard.type('[[asad')
  await page.keyboard.press('Enter')
  await expect(page.locator(`[data-passage-ref="${ain}"]`)).toBeVisible()

  await page.getByRole('button', { name: 'Graph' }).click()
  const summary = page.getByRole('complementary', { name: 'Graph summary' })
  const edges = summary.getByRole('list', { name: 'Links in the graph' })
  await expect(edges.getByRole('listitem').filter({ hasText: 'elaborates' })).toHaveText(
    '“the first phase, expected to run through…” elaborates “Ain al-Asad”',
  )
  await expect(edges.getByRole('listitem').filter({ hasText: 'references' })).toHaveText(
    '‘Untitled note’ references “Ain al-Asad”',
  )
  const nodes = summary.getByRole('list', { name: 'Nodes in the graph' })
  await expect(nodes.getByRole('button')).toHaveText([
    '“Ain al-Asad”',
    '“the first phase, expected to run through…”',
    'Note: Untitled note',
  ])
  // What Cytoscape itself holds, drawn on a canvas.
  const canvas = page.locator('.graph-canvas')
  await expect(canvas).toHaveAttribute('data-nodes', '3')
  await expect(canvas).toHaveAttribute('data-edges', '2')
  await expect(canvas.locator('canvas').first()).toBeVisible()

  await page
    .getByRole('group', { name: 'Graph filters' })
    .getByLabel('Relation')
    .selectOption({ label: 'elaborates' })
  await expect(canvas).toHaveAttribute('data-edges', '1')
  await page.getByRole('group', { name: 'Graph filters' }).getByLabel('Linked passages only').check()
  await page.getByRole('group', { name: 'Graph filters' }).getByLabel('Note pages').uncheck()
  await expect(canvas).toHaveAttribute('data-nodes', '2')

  await nodes.getByRole('button', { name: '“the first phase, expected to run through…”' }).click()
  await expect(page.getByRole('main', { name: 'Source' })).toBeVisible()
  await expect(passageCard(page, PHASE1)).toHaveAttribute('aria-current', 'true')
  await expectFlashed(page, { className: 'passage-flash', passage: phase })
  expect(violations).toEqual([])
})

test('a notebook with 2,000 passages and 600 links draws its whole graph', async ({ glossa }) => {
  // Bounds for a hang on a busy CI machine; how fast it draws is reported, not asserted.
  test.setTimeout(360_000)
  const { page } = glossa
  await openSeedNotebook(page)
  const nb = await api<{ notebook: Notebook }>(page, 'openNotebook', { id: await notebookId(page) }).then(
    (r) => r.notebook,
  )
  const seed = nb.sources[0]
  const big = { ...seed, id: 'bigsource', title: 'Many passages' }
  const text = plainText(seed.doc)
  const words = [...text.matchAll(/\S+/g)]
  const passages: Annotation[] = Array.from({ length: 2000 }, (_, i) => {
    const first = words[(i * 37) % (words.length - 8)]
    const last = words[((i * 37) % (words.length - 8)) + 1 + (i % 6)]
    const at = '2026-01-01T00:00:00.000Z'
    return {
      id: `big${i}`,
      sourceId: big.id,
      target: describeRange(text, first.index!, last.index! + last[0].length),
      anchoredHash: seed.textHash,
      note: null,
      tagIds: i % 3 === 0 ? [] : [nb.tags[i % nb.tags.length].id],
      color: null,
      status: 'anchored',
      createdAt: at,
      updatedAt: at,
    }
  })
  const links: Op[] = Array.from({ length: 600 }, (_, i) => ({
    type: 'addLink',
    link: {
      id: `bl${i}`,
      from: { kind: 'annotation', id: `big${i}` },
      to: { kind: 'annotation', id: `big${(i * 7 + 1) % 2000}` },
      relationId: nb.relations[i % nb.relations.length].id,
      comment: '',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  }))
  const ops: Op[] = [
    { type: 'addSource', source: big },
    ...passages.map((annotation): Op => ({ type: 'addAnnotation', annotation })),
    ...links,
  ]
  for (let i = 0; i < ops.length; i += 500)
    await api(page, 'applyOps', { id: nb.id, at: new Date().toISOString(), ops: ops.slice(i, i + 500) })
  await page.reload()

  const started = Date.now()
  await page.getByRole('button', { name: 'Graph' }).click()
  const canvas = page.locator('.graph-canvas')
  await expect(canvas).toHaveAttribute('data-nodes', '2000', { timeout: 240_000 })
  const drawnMs = Date.now() - started
  await expect(canvas).toHaveAttribute('data-edges', '600')
  const layoutMs = Number(await canvas.getAttribute('data-layout-ms'))
  // Zooming stays fluid: a wheel burst like a trackpad's (one event per 16 ms), with frame gaps
  // measured in the page, so Playwright's round trips do not count.
  const frames = await wheelBurst(page)
  test.info().annotations.push({
    type: 'graph timing',
    description: `open→drawn ${drawnMs} ms, elements+layout ${layoutMs} ms, wheel frames ${JSON.stringify(frames)}`,
  })
  console.log(
    `graph at 2,000 nodes: open→drawn ${drawnMs} ms, elements+layout ${layoutMs} ms, wheel burst frame gaps ${JSON.stringify(frames)}`,
  )
  // Timing is reported above and measured by `npm run bench`; a test asserts no duration (CI
  // machines are busy). What must hold is checked above: every node and edge drawn.
})

/** Sends 60 wheel events 16 ms apart to the graph and reports the gaps between animation frames (ms). */
function wheelBurst(page: Page): Promise<{ median: number; p95: number; max: number }> {
  return page.evaluate(async () => {
    const el = document.querySelector('.graph-canvas canvas:last-of-type')!
    const box = el.getBoundingClientRect()
    const gaps: number[] = []
    let last = performance.now()
    let running = true
    const loop = () => {
      const now = performance.now()
      gaps.push(now - last)
      last = now
      if (running) requestAnimationFrame(loop)
    }
    requestAnimationFrame(loop)
    for (let i = 0; i < 60; i++) {
      el.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: i < 30 ? -60 : 60,
          clientX: box.x + box.width / 2,
          clientY: box.y + box.height / 2,
          bubbles: true,
          cancelable: true,
        }),
      )
      await new Promise((r) => setTimeout(r, 16))
    }
    running = false
    gaps.sort((a, b) => a - b)
    const at = (q: number) => Math.round(gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * q))])
    return { median: at(0.5), p95: at(0.95), max: at(1) }
  })
}

async function notebookId(page: Page): Promise<string> {
  return (
    (/#\/nb\/([^/]+)/.exec(page.url()) ?? [])[1] ??
    (await api<{ notebooks: { id: string }[] }>(page, 'listNotebooks', {})).notebooks[0].id
  )
}

/** Calls the contract from the page: the desktop bridge, or the browser host with the tab's token. */
function api<T = unknown>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const bridge = (
        window as unknown as {
          glossa?: Record<string, (a: unknown) => Promise<{ ok: boolean; result?: unknown; error?: unknown }>>
        }
      ).glossa
      if (bridge) {
        const outcome = await bridge[method](args)
        if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`)
        return outcome.result
      }
      const r = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${sessionStorage.getItem('glossa.token')}`,
        },
        body: JSON.stringify(args),
      })
      if (!r.ok) throw new Error(`${method}: ${r.status} ${await r.text()}`)
      return r.json()
    },
    { method, args },
  ) as Promise<T>
}
