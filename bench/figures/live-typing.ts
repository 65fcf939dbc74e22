// Typing in a passage note of the scale notebook while it is live (a second window follows it),
// against the same note before the second window opened (the editor saving through applyOps).
// Bound to the live doc, each key is a Yjs update: the window sends it to the core, which logs
// it (fdatasync), settles it into the notebook, saves the file (coalesced) and passes it on.
// Also: a key typed in window A until window B shows it.
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright'
import type { Notebook } from '../../src/shared/schema'
import { copyIntoDataDir } from '../cache'
import { summarize } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'
import { afterPaint, installKeyLatencyProbe, takeKeyLatencies, waitForQuiet } from './page-probes'
import { buildMissing, launchChromium, startHost } from './web-host'

const TOKEN = 'bench-token-live-typing-0123'
const trace = (msg: string) => process.env.BENCH_VERBOSE && console.error(`[live-typing] ${msg}`)

export async function liveTypingFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const missing = buildMissing()
  if (missing)
    return [
      { id: 'live.typing', scale: ctx.scale, measured: ms('n/a', summarize([])), note: `n/a: ${missing}` },
    ]
  await copyIntoDataDir(ctx.file, ctx.tmp)
  const nb = JSON.parse(await readFile(ctx.file, 'utf8')) as Notebook
  const browser = await launchChromium()
  const host = await startHost(ctx.tmp, TOKEN)
  try {
    const a = await openWindow(browser, host.url, nb)
    const bursts = ctx.quick ? 3 : 6
    const alone = await typeBursts(a, bursts)
    trace(`alone: median ${summarize(alone).median.toFixed(1)} ms`)

    // A second window makes the notebook live; A's editor is bound once it has had no key for 1 s.
    const t0 = performance.now()
    const b = await openWindow(browser, host.url, nb)
    await Promise.all([a, b].map((p) => p.evaluate(waitForQuiet, { quietMs: 2_000, timeoutMs: 600_000 })))
    const joined = performance.now() - t0
    trace(`second window open and settled after ${Math.round(joined)} ms`)
    const live = await typeBursts(a, bursts)
    trace(`live: median ${summarize(live).median.toFixed(1)} ms`)

    await a.evaluate(() => {
      const w = window as unknown as { __lastKeyAt?: number }
      const at = () => (w.__lastKeyAt = performance.timeOrigin + performance.now())
      document.addEventListener('keydown', at, { capture: true })
    })
    const reach: number[] = []
    for (let i = 0; i <= (ctx.quick ? 2 : 4); i++) {
      const t = await timeKeyToOtherWindow(a, b, `zq${i}x`)
      if (i > 0) reach.push(t)
    }
    return [
      withRatio({
        id: 'live.typing',
        scale: ctx.scale,
        measured: ms('keydown → painted, passage note, notebook live (2 windows)', summarize(live)),
        baseline: ms('same note, one window (not live)', summarize(alone)),
        extra: { secondWindowMs: Math.round(joined) },
      }),
      {
        id: 'live.typing.reach',
        scale: ctx.scale,
        measured: ms('key in window A → shown in window B', summarize(reach)),
      },
    ]
  } finally {
    await browser.close()
    await host.stop()
  }
}

/** A window on the notebook with the first passage's note open (both windows pick the same one). */
async function openWindow(browser: Browser, url: string, nb: Notebook): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
  const page = await context.newPage()
  await page.goto(`${url}/#token=${TOKEN}`)
  await page.evaluate((h) => (location.hash = h), `#/nb/${nb.id}`)
  await page.locator('.passage-card .passage-quote').first().waitFor({ timeout: 600_000 })
  await page.locator('.passage-card .passage-quote').first().click()
  await page.locator('.passage-card.is-selected .note-editor-content').waitFor({ timeout: 120_000 })
  await page.evaluate(afterPaint)
  return page
}

/** Keydown → painted in the open note, typed in bursts with pauses (as people type). */
async function typeBursts(page: Page, bursts: number): Promise<number[]> {
  await page.locator('.passage-card.is-selected .note-editor-content').click()
  await page.keyboard.press('End')
  await page.evaluate(installKeyLatencyProbe)
  await page.evaluate(takeKeyLatencies)
  for (let i = 0; i < bursts; i++) {
    await page.keyboard.type(' quick notes', { delay: 70 })
    await page.waitForTimeout(600)
  }
  return page.evaluate(takeKeyLatencies)
}

/**
 * Types `word` at the end of A's note and times, on the wall clock both pages share
 * (performance.timeOrigin + now), from the keydown of its last letter (recorded by a listener
 * installed once in A) until B's note shows it.
 */
async function timeKeyToOtherWindow(a: Page, b: Page, word: string): Promise<number> {
  const shown = b.evaluate(
    (w) =>
      new Promise<number>((resolve, reject) => {
        // The page is watched, not one editor: the list may draw the card (and its editor) again.
        const has = () =>
          document.querySelector('.passage-card.is-selected .note-editor-content')?.textContent?.includes(w)
        const observer = new MutationObserver(() => {
          if (!has()) return
          observer.disconnect()
          resolve(performance.timeOrigin + performance.now())
        })
        observer.observe(document.body, { childList: true, characterData: true, subtree: true })
        setTimeout(() => reject(new Error(`"${w}" never reached window B`)), 60_000)
      }),
    word,
  )
  await a.keyboard.press('End')
  await a.keyboard.type(` ${word}`, { delay: 30 })
  const at = await shown
  const sent = await a.evaluate(() => (window as unknown as { __lastKeyAt: number }).__lastKeyAt)
  await a.waitForTimeout(300)
  return at - sent
}
