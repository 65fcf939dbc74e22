// Hostile content (script tags, event handlers, javascript: links, SVG, iframes, CSS
// expressions, mXSS) through every way text enters a notebook: pasted HTML and Markdown,
// imported .html and .md files, a passage note (typed and pasted as HTML) and a tag name.
// Nothing may run: the page exposes window.__pwned and counts calls, alerts are caught, and
// the rendered DOM must hold no script-capable element, handler attribute or script URL.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { addPastedSource, openSeedNotebook, passageCard, selectInSource } from './helpers'

const PAYLOADS = [
  `<script>__pwned('script')</script>`,
  `<img src=x onerror="__pwned('img')">`,
  `<a href="javascript:__pwned('link')">a javascript link</a>`,
  `<a href=" JaVaScRiPt:__pwned('link2')">a spaced link</a>`,
  `<svg onload="__pwned('svg')"><script>__pwned('svg-script')</script><a xlink:href="javascript:__pwned('svg-a')"><text>svg</text></a></svg>`,
  `<iframe src="javascript:__pwned('iframe')"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned('srcdoc')</script>"></iframe>`,
  `<div style="background:url(javascript:__pwned('css'));width:expression(__pwned('expr'))">styled</div>`,
  `<object data="javascript:__pwned('object')"></object><embed src="javascript:__pwned('embed')">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="__pwned('mxss')"></style></mglyph></table></mtext></math>`,
  `<form action="javascript:__pwned('form')"><button formaction="javascript:__pwned('btn')">go</button></form>`,
  `<details open ontoggle="__pwned('toggle')">details</details>`,
  `<base href="javascript:__pwned('base')//"><meta http-equiv="refresh" content="0;url=javascript:__pwned('meta')">`,
]
const HTML = `<!doctype html><html><head><title>Hostile HTML</title></head><body onload="__pwned('body')"><p>Harmless paragraph marker.</p>${PAYLOADS.join('\n<p>between</p>\n')}</body></html>`
const MARKDOWN = [
  '# Hostile Markdown',
  'Harmless paragraph marker.',
  "[a markdown link](javascript:__pwned('md-link')) and ![an image](javascript:__pwned('md-img'))",
  "[ref link][r] and <javascript:__pwned('autolink')>",
  "[r]: javascript:__pwned('md-ref')",
  ...PAYLOADS,
].join('\n\n')

async function arm(page: Page): Promise<string[]> {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    // "Leave the page?" while a save is pending is the app's own; anything else is an alert.
    if (d.type() === 'beforeunload') return void d.accept()
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __pwned: (what: string) => void; __pwnedCalls: string[] }
    w.__pwnedCalls = []
    w.__pwned = (what) => w.__pwnedCalls.push(String(what))
  })
  await page.reload()
  return dialogs
}

/** Everything script-capable left in the app's DOM, plus any __pwned calls. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  const report = await page.evaluate(() => {
    const bad: string[] = []
    const urlAttrs = [
      'href',
      'src',
      'action',
      'formaction',
      'xlink:href',
      'data',
      'srcdoc',
      'background',
      'poster',
    ]
    for (const el of document.getElementById('root')!.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase()
      if (
        ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'math', 'foreignobject'].includes(
          tag,
        )
      )
        bad.push(`<${tag}>`)
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()
        if (/^on/i.test(attr.name)) bad.push(`${tag}[${attr.name}]`)
        if (urlAttrs.includes(attr.name) && /^(javascript|vbscript|data:text)/.test(value))
          bad.push(`${tag}[${attr.name}=${attr.value}]`)
        if (attr.name === 'style' && /expression\(|javascript:/.test(value))
          bad.push(`${tag}[style=${attr.value}]`)
      }
    }
    return { bad, pwned: (window as unknown as { __pwnedCalls: string[] }).__pwnedCalls }
  })
  expect(report.pwned, `${where}: __pwned was called`).toEqual([])
  expect(dialogs, `${where}: a dialog opened`).toEqual([])
  expect(report.bad, `${where}: script-capable markup in the DOM`).toEqual([])
}

test.describe('hostile content never runs', () => {
  test('pasted HTML and Markdown sources', async ({ glossa }) => {
    const { page } = glossa
    const dialogs = await arm(page)
    await openSeedNotebook(page)
    const reader = page.getByRole('main', { name: 'Source' })
    await addPastedSource(page, 'Pasted hostile HTML', HTML, 'HTML')
    await expect(reader).toContainText('Harmless paragraph marker.')
    await expect(reader).toContainText('a javascript link') // the text stays, the script URL goes
    await expectInert(page, dialogs, 'pasted HTML')
    await addPastedSource(page, 'Pasted hostile Markdown', MARKDOWN, 'Markdown')
    await expect(reader).toContainText('a markdown link')
    await expectInert(page, dialogs, 'pasted Markdown')
    await addPastedSource(page, 'Pasted as plain text', HTML, 'Plain text')
    await expect(reader).toContainText(`<script>__pwned('script')</script>`) // shown as text
    await expectInert(page, dialogs, 'pasted plain text')
    await expect(page.getByText('Saved', { exact: true })).toBeVisible()
    await page.reload() // and when the stored sources are rendered afresh
    await expect(reader).toContainText('<script>')
    await expectInert(page, dialogs, 'after a reload')
  })

  test('imported .html and .md files', async ({ glossa }) => {
    const { page } = glossa
    const dialogs = await arm(page)
    await openSeedNotebook(page)
    for (const [name, content, mimeType] of [
      ['hostile.html', HTML, 'text/html'],
      ['hostile.md', MARKDOWN, 'text/markdown'],
    ] as const) {
      await page.getByRole('button', { name: 'Add source' }).click()
      const dialog = page.getByRole('dialog', { name: 'Add source' })
      await dialog.getByRole('tab', { name: 'Import file' }).click()
      await dialog
        .getByLabel('File (.txt, .md, .html)')
        .setInputFiles({ name, mimeType, buffer: Buffer.from(content) })
      await expect(page.getByRole('dialog', { name: 'Add source' })).toHaveCount(0)
      await expect(page.getByRole('main', { name: 'Source' })).toContainText('Harmless paragraph marker.')
      await expectInert(page, dialogs, `imported ${name}`)
    }
  })

  test('a passage note, typed and pasted as HTML, and a tag name', async ({ glossa }) => {
    const { page } = glossa
    const dialogs = await arm(page)
    await openSeedNotebook(page)
    await selectInSource(page, 'Hareer base')
    await page
      .getByRole('toolbar', { name: 'Passage actions' })
      .getByRole('button', { name: 'Annotate' })
      .click()
    const card = passageCard(page, 'Hareer base')
    const note = card.getByRole('textbox', { name: /Note on/ })
    await expect(note).toBeFocused()
    await page.keyboard.type(`${PAYLOADS[0]} ${PAYLOADS[1]} [x](javascript:__pwned('typed'))`)
    await page.keyboard.press('Enter')
    // Paste HTML into the note as a browser would (ProseMirror parses clipboard HTML).
    await note.evaluate((el, html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', 'pasted')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, HTML)
    await expect(note).toContainText('Harmless paragraph marker.')
    await expect(note).toContainText(`<script>__pwned('script')</script>`)
    await expectInert(page, dialogs, 'passage note')

    await card.getByRole('button', { name: /Add tag/ }).click()
    const picker = page.getByRole('dialog', { name: 'Add tag' })
    await picker.getByRole('combobox', { name: 'Tag name' }).fill(`<img src=x onerror="__pwned('tag')">`)
    await picker.getByRole('combobox', { name: 'Tag name' }).press('Enter')
    await picker.getByRole('button', { name: 'Done' }).click()
    await expect(card).toContainText('<img src=x')
    await expect(page.getByText('Saved', { exact: true })).toBeVisible()
    await expectInert(page, dialogs, 'tag name')
    await page.reload()
    await expect(passageCard(page, 'Hareer base')).toContainText('<img src=x')
    await expectInert(page, dialogs, 'note and tag after a reload')
  })
})
