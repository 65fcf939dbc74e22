// A flash (the class that replays the "you are here" animation on a passage or a note page's
// reference) lasts about a second and a half. On a busy machine an assertion may look only after
// it is gone, so each page records every flash from its first script on, and tests ask the record.
import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

export interface FlashRecord {
  className: string
  passage: string | null
  ref: string | null
  text: string
}

/** Runs in the page (addInitScript or evaluate): records every element given a flash class. */
export function recordFlashes(): void {
  const w = window as unknown as { __flashes?: FlashRecord[] }
  if (w.__flashes) return
  const flashes: FlashRecord[] = (w.__flashes = [])
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const el = m.target as Element
      for (const className of ['passage-flash', 'ref-flash'])
        if (el.classList?.contains(className))
          flashes.push({
            className,
            passage: el.getAttribute('data-passage'),
            ref: el.getAttribute('data-passage-ref'),
            text: el.textContent ?? '',
          })
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] })
}

/** Waits until something matching `like` has flashed since the page loaded. */
export async function expectFlashed(page: Page, like: Partial<FlashRecord>): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (like) =>
          ((window as unknown as { __flashes?: FlashRecord[] }).__flashes ?? []).some((f) =>
            Object.entries(like).every(([k, v]) => f[k as keyof FlashRecord] === v),
          ),
        like,
      ),
    )
    .toBe(true)
}
