// Functions that run inside the page (page.evaluate serializes them: self-contained, no
// imports). Times are taken with performance.now() in the page, so Playwright's own
// round trips are not counted. "Painted" = the frame that shows the change has been
// produced: a requestAnimationFrame callback sees the DOM, then a task posted from it runs
// after that frame's paint.

declare global {
  interface Window {
    __keyLatencies?: number[]
  }
}

/**
 * Installed before the page's own scripts (addInitScript): records in `window.__shownAt` the
 * time since navigation start at which `count` elements match `selector` and are painted.
 */
export function recordWhenShown(args: { selector: string; count: number }): void {
  const w = window as unknown as { __shownAt?: number }
  const poll = () => {
    if (document.querySelectorAll(args.selector).length < args.count) return requestAnimationFrame(poll)
    // In a frame's callback already: the message runs after this frame's paint.
    const ch = new MessageChannel()
    ch.port1.onmessage = () => (w.__shownAt = performance.now())
    ch.port2.postMessage(null)
  }
  requestAnimationFrame(poll)
}

/** Resolves after the next frame has been painted. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve()
      ch.port2.postMessage(null)
    }),
  )
}

/**
 * Resolves once the page has run no long task (> 50 ms) for `quietMs`: a notebook's background
 * work (the live replica's first sync, the search index built in slices) is over, so it is not
 * billed to the next figure. Rejects after `timeoutMs`.
 */
export function waitForQuiet(args: { quietMs: number; timeoutMs: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    let last = t0
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration)
    })
    observer.observe({ type: 'longtask', buffered: false })
    const check = () => {
      const now = performance.now()
      if (now - last >= args.quietMs) {
        observer.disconnect()
        return resolve(now - t0)
      }
      if (now - t0 > args.timeoutMs) {
        observer.disconnect()
        return reject(new Error(`page still busy after ${args.timeoutMs} ms`))
      }
      setTimeout(check, 100)
    }
    setTimeout(check, 100)
  })
}

/** Sets location.hash and times until `count` highlight spans exist and are painted. */
export function timeRouteUntilHighlights(args: {
  hash: string
  count: number
  timeoutMs: number
}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    location.hash = args.hash
    const poll = () => {
      if (performance.now() - t0 > args.timeoutMs)
        return reject(new Error(`highlights not painted after ${args.timeoutMs} ms`))
      if (document.querySelectorAll('.source-text [data-passage]').length < args.count)
        return requestAnimationFrame(poll)
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve(performance.now() - t0)
      ch.port2.postMessage(null) // after this frame's paint (poll runs in a frame's callback)
    }
    requestAnimationFrame(poll)
  })
}

/** Records keydown → painted for every key from now on (capture phase, before any handler). */
export function installKeyLatencyProbe(): void {
  window.__keyLatencies = []
  if ((window as unknown as { __keyProbe?: boolean }).__keyProbe) return
  ;(window as unknown as { __keyProbe?: boolean }).__keyProbe = true
  document.addEventListener(
    'keydown',
    () => {
      const t0 = performance.now()
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => window.__keyLatencies?.push(performance.now() - t0)
        ch.port2.postMessage(null)
      })
    },
    true,
  )
}

export function takeKeyLatencies(): number[] {
  const out = window.__keyLatencies ?? []
  window.__keyLatencies = []
  return out
}

/**
 * Clicks the filter chip named `tag` and times until the margin shows the matching passages
 * (the list is virtualized: its first cards rendered, the count in the heading), painted.
 */
export function timeFilterClick(args: {
  tag: string
  timeoutMs: number
}): Promise<{ ms: number; shown: number }> {
  return new Promise((resolve, reject) => {
    const chip = [...document.querySelectorAll<HTMLButtonElement>('.filter-panel .chip-label')].find(
      (b) => b.textContent === args.tag,
    )
    if (!chip) return reject(new Error(`no filter chip ${args.tag}`))
    const t0 = performance.now()
    chip.click()
    const poll = () => {
      if (performance.now() - t0 > args.timeoutMs)
        return reject(new Error(`filtered list not shown after ${args.timeoutMs} ms`))
      const list = document.querySelector('ul[aria-label="Matching passages"]')
      const shown = Number(document.querySelector('.margin-heading .count')?.textContent ?? NaN)
      if (!list?.querySelector('[data-passage-card]')) return requestAnimationFrame(poll)
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve({ ms: performance.now() - t0, shown })
      ch.port2.postMessage(null) // after this frame's paint (poll runs in a frame's callback)
    }
    requestAnimationFrame(poll)
  })
}
