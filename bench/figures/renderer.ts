// Renderer figures in Debian Chromium against the browser host: open a source with 2,000
// passages until its highlights are painted; typing latency (keydown → painted) in a passage
// note and in the source in edit mode, vs the same editors on the same text with one passage;
// opening the scale notebook, its JS heap, and a tag filter change until the list is updated.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import type { Notebook } from '../../src/shared/schema'
import { summarize, type Summary } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'
import {
  afterPaint,
  installKeyLatencyProbe,
  recordWhenShown,
  takeKeyLatencies,
  timeFilterClick,
  timeRouteUntilHighlights,
  waitForQuiet,
} from './page-probes'
import { BIG_SOURCE, PLAIN_SOURCE, prepareDataDir } from './renderer-data'
import { buildMissing, launchChromium, startHost } from './web-host'

const TOKEN = 'bench-token-0123456789'
const trace = (msg: string) => process.env.BENCH_VERBOSE && console.error(`[renderer] ${msg}`)

export async function rendererFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const missing = buildMissing()
  if (missing)
    return [{ id: 'renderer', scale: ctx.scale, measured: ms('n/a', summarize([])), note: `n/a: ${missing}` }]
  const { renderer } = await prepareDataDir(ctx.tmp, ctx.file)
  const scaleNb = JSON.parse(await readFile(ctx.file, 'utf8')) as Notebook
  const browser = await launchChromium()
  let host: Awaited<ReturnType<typeof startHost>> | null = null
  try {
    const cold = await coldStartFigure(ctx, browser)
    host = await startHost(ctx.tmp, TOKEN)
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    // tsx (esbuild keepNames) wraps named inner functions in __name(); the probes run in the page.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const page = await context.newPage()
    await page.goto(`${host.url}/#token=${TOKEN}`)
    await page
      .getByRole('button', { name: /Renderer benchmark/ })
      .first()
      .waitFor({ timeout: 60_000 })
    const go = async (hash: string) => {
      await page.evaluate((h) => (location.hash = h), hash)
      await page.locator('.source-text .ProseMirror').first().waitFor()
      await page.evaluate(afterPaint)
    }
    const plain = `#/nb/${renderer.id}/s/${PLAIN_SOURCE}`
    const big = `#/nb/${renderer.id}/s/${BIG_SOURCE}`
    const count = renderer.annotations.filter(
      (a) => a.sourceId === BIG_SOURCE && a.status === 'anchored',
    ).length
    const runs = ctx.quick ? 3 : 5

    // Open the 2,000-passage source, coming each time from the one-passage source.
    const open: number[] = []
    for (let i = 0; i <= runs; i++) {
      await go(plain)
      const t = await page.evaluate(timeRouteUntilHighlights, { hash: big, count, timeoutMs: 60_000 })
      if (i > 0) open.push(t)
    }

    await page.evaluate(installKeyLatencyProbe)
    // CSS locators, not getByRole: a role query computes the accessible name of every element,
    // which takes tens of seconds on a page holding 2,000 passage cards.
    const typing = async (hash: string, where: 'note' | 'source', bursts: number): Promise<number[]> => {
      const t0 = performance.now()
      await go(hash)
      trace(`typing ${where} ${hash}: shown after ${Math.round(performance.now() - t0)} ms`)
      if (where === 'note') {
        await page.locator('.passage-card .passage-quote').first().click()
        await page.locator('.passage-card.is-selected .note-editor-content').click()
      } else {
        await page.locator('.reader-toolbar button', { hasText: 'Edit source' }).click()
        await page.locator('.source-text .ProseMirror > p').nth(12).click()
      }
      await page.keyboard.press('End')
      await page.evaluate(takeKeyLatencies)
      // Bursts with pauses, as people type: the note's debounced save (400 ms) runs in the pauses.
      for (let burst = 0; burst < bursts; burst++) {
        await page.keyboard.type(' quick notes', { delay: 70 })
        await page.waitForTimeout(600)
      }
      const samples = await page.evaluate(takeKeyLatencies)
      if (where === 'source') await page.locator('.reader-toolbar button', { hasText: 'Cancel' }).click()
      return samples
    }
    // Each editor in the big source and in the one-passage one, in the order big, plain, plain,
    // big (half the bursts each time): load that comes and goes on the machine falls on both
    // sides of the ratio, not on one (until 2026-12-01 each side was typed in one block).
    const typingPair = async (where: 'note' | 'source'): Promise<[Summary, Summary]> => {
      const half = ctx.quick ? 2 : 3
      const onBig = await typing(big, where, half)
      const onPlain = await typing(plain, where, half)
      onPlain.push(...(await typing(plain, where, half)))
      onBig.push(...(await typing(big, where, half)))
      return [summarize(onBig), summarize(onPlain)]
    }
    const [noteBig, notePlain] = await typingPair('note')
    const [sourceBig, sourcePlain] = await typingPair('source')

    const results: FigureResult[] = [
      cold,
      {
        id: 'renderer.open2000',
        scale: `${count} passages`,
        measured: ms('open source until highlights painted', summarize(open)),
      },
      withRatio({
        id: 'renderer.typing.note',
        scale: `${count} passages`,
        measured: ms('keydown → painted, passage note', noteBig),
        baseline: ms('same, source with 1 passage', notePlain),
      }),
      withRatio({
        id: 'renderer.typing.source',
        scale: `${count} passages`,
        measured: ms('keydown → painted, source edit mode', sourceBig),
        baseline: ms('same, source with 1 passage', sourcePlain),
      }),
    ]
    results.push(...(await scaleNotebookFigures(page, ctx, scaleNb, host.rssMB)))
    return results
  } catch (error) {
    if (process.env.BENCH_SCREENSHOT)
      await browser.contexts()[0]?.pages()[0]?.screenshot({ path: process.env.BENCH_SCREENSHOT })
    throw error
  } finally {
    await browser.close()
    await host?.stop()
  }
}

/** `--only=coldstart`: the cold-start figure alone, on the same data dir the renderer figures use. */
export async function coldStartFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const missing = buildMissing()
  if (missing)
    return [{ id: 'renderer', scale: ctx.scale, measured: ms('n/a', summarize([])), note: `n/a: ${missing}` }]
  await prepareDataDir(ctx.tmp, ctx.file)
  const browser = await launchChromium()
  try {
    return [await coldStartFigure(ctx, browser)]
  } finally {
    await browser.close()
  }
}

/** The scale notebook in the browser: open it, its JS heap, a tag filter change. */
async function scaleNotebookFigures(
  page: Page,
  ctx: FigureContext,
  nb: Notebook,
  hostRss: () => number | null,
): Promise<FigureResult[]> {
  const anchoredFirst = nb.annotations.filter(
    (a) => a.sourceId === nb.sources[0].id && a.status === 'anchored',
  ).length
  const opens: number[] = []
  for (let i = 0; i <= (ctx.quick ? 1 : 2); i++) {
    await page.evaluate((h) => (location.hash = h), '#/')
    await page
      .getByRole('button', { name: new RegExp(nb.title.replace(/[()]/g, '.')) })
      .first()
      .waitFor({ timeout: 60_000 })
    const t = await page.evaluate(timeRouteUntilHighlights, {
      hash: `#/nb/${nb.id}`,
      count: anchoredFirst,
      timeoutMs: 120_000,
    })
    if (i > 0) opens.push(t)
  }
  // The notebook's background work (the live replica's first sync, the search index built in
  // slices) is over before its memory and a filter change are measured.
  const settled = await page.evaluate(waitForQuiet, { quietMs: 2_000, timeoutMs: 300_000 })
  trace(`scale notebook settled after ${Math.round(settled)} ms`)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
  const mb = (x: number) => Math.round((x / 1048576) * 10) / 10
  const one = (x: number) => ({ median: x, p95: x, min: x, max: x, runs: 1 })
  const out: FigureResult[] = [
    {
      id: 'renderer.openNotebook',
      scale: ctx.scale,
      measured: ms('open notebook until first source highlighted', summarize(opens)),
    },
    {
      id: 'memory.renderer',
      scale: ctx.scale,
      measured: { label: 'renderer JS heap (after GC)', unit: 'MB', value: one(mb(heap.usedSize)) },
      extra: { hostRssMB: hostRss() ?? 'n/a' },
    },
  ]

  const filterButton = page.locator('.margin-head button', { hasText: 'Filter' })
  if ((await filterButton.count()) === 0)
    return [
      ...out,
      {
        id: 'renderer.filter',
        scale: ctx.scale,
        measured: ms('n/a', summarize([])),
        note: 'n/a: no filter UI',
      },
    ]
  await filterButton.click()
  await page.locator('.filter-panel').waitFor()
  // The most used tag (Zipf rank 0) and one used a few dozen times.
  const uses = new Map<string, number>()
  for (const a of nb.annotations) for (const id of a.tagIds) uses.set(id, (uses.get(id) ?? 0) + 1)
  const ranked = nb.tags.map((t) => ({ t, n: uses.get(t.id) ?? 0 })).sort((a, b) => b.n - a.n)
  const mid = ranked.find((r) => r.n <= 40) ?? ranked[ranked.length - 1]
  for (const { t, n } of [ranked[0], mid]) {
    const samples: number[] = []
    // 10 timed clicks (3 when --quick): with the 3 of earlier runs, "p95" was the slowest click.
    for (let i = 0; i <= (ctx.quick ? 3 : 10); i++) {
      const { ms: time } = await page.evaluate(timeFilterClick, { tag: t.name, timeoutMs: 120_000 })
      if (i > 0) samples.push(time)
      // Off again. Found by its exact text in the page: a locator's hasText matches every tag
      // under this one too, and reading 1,000 chips through it took seconds on a busy machine.
      await page.evaluate(
        (name) =>
          [...document.querySelectorAll<HTMLButtonElement>('.filter-panel .chip-label')]
            .find((b) => b.textContent === name)
            ?.click(),
        t.name,
      )
      await page
        .locator('ul[aria-label="Matching passages"]')
        .waitFor({ state: 'detached', timeout: 120_000 })
    }
    out.push({
      id: `renderer.filter.${n === ranked[0].n ? 'common' : 'rare'}`,
      scale: ctx.scale,
      measured: ms(`tag filter on (${n} passages) until list painted`, summarize(samples)),
      extra: { tag: t.name, passages: n },
    })
  }
  return out
}

/**
 * First paint of the library on a cold start: a new core (the browser host spawned afresh on
 * the data dir, which lists every notebook) and a new browser profile (nothing cached), timed
 * from the spawn until every notebook of the data dir is listed and painted. Chromium's own
 * launch is not counted (the desktop app opens its window while the core starts).
 * `hostReadyMs` is until the host prints its address, which it does before loading most of
 * its core (src/web/cli.ts): the rest loads while the page does, so it counts in `pageMs`.
 */
async function coldStartFigure(ctx: FigureContext, browser: Browser): Promise<FigureResult> {
  const notebooks = (await readdir(join(ctx.tmp, 'notebooks'))).filter((n) => n.endsWith('.json')).length
  const total: number[] = []
  const hostReady: number[] = []
  const page: number[] = []
  for (let i = 0; i <= (ctx.quick ? 2 : 4); i++) {
    const t0 = performance.now()
    const host = await startHost(ctx.tmp, TOKEN)
    const ready = performance.now() - t0
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    try {
      await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
      await context.addInitScript(recordWhenShown, { selector: 'ul.notebook-list > li', count: notebooks })
      const tab = await context.newPage()
      await tab.goto(`${host.url}/#token=${TOKEN}`)
      const shown = await tab.waitForFunction(
        () => (window as unknown as { __shownAt?: number }).__shownAt,
        null,
        { timeout: 120_000, polling: 50 },
      )
      const inPage = Number(await shown.jsonValue())
      if (i > 0) {
        hostReady.push(ready)
        page.push(inPage)
        total.push(ready + inPage)
      }
    } finally {
      await context.close()
      await host.stop()
    }
  }
  const r = (xs: number[]) => Math.round(summarize(xs).median)
  return {
    id: 'renderer.firstPaint',
    scale: ctx.scale,
    measured: ms('cold start until the library is painted', summarize(total)),
    extra: { notebooks, hostReadyMs: r(hostReady), pageMs: r(page) },
  }
}
