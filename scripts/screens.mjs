// Regenerates docs/screenshots/: the library, the reader with passages and the selection
// toolbar, the margin with a selected passage, the Tags panel (codebook and co-occurrence),
// the graph, search and a note page, each at 1024×700 and 1440×900, light and dark. Drives the
// browser host as a person would (marking, tagging, noting, linking), so the pictures show the
// app as it is.
//
//   npm run build && node scripts/screens.mjs [outDir]     (default docs/screenshots)
//   GLOSSA_OUT_DIR=out-x node scripts/screens.mjs /tmp/s    (another build folder)
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright'

const outDir = process.argv[2] ?? 'docs/screenshots'
const build = process.env.GLOSSA_OUT_DIR ?? 'out'
const SIZES = [
  [1024, 700],
  [1440, 900],
]
const SCHEMES = ['light', 'dark']
const only = process.env.SCREENS_ONLY?.split(',') // e.g. SCREENS_ONLY=graph,tags

mkdirSync(outDir, { recursive: true })
const dataDir = mkdtempSync(join(tmpdir(), 'glossa-screens-'))
const host = spawn(
  process.execPath,
  [join(build, 'main', 'web.js'), '--port', '0', '--data-dir', dataDir, '--token', 'screens-token-1'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
)
const url = await new Promise((resolve, reject) => {
  host.on('exit', (code) => reject(new Error(`web host exited with ${code}`)))
  host.stdout.on('data', (d) => {
    const m = /(http:\/\/\S+)/.exec(String(d))
    if (m) resolve(m[1])
  })
})
const browser = await chromium.launch({
  executablePath: process.env.GLOSSA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--font-render-hinting=none'],
})
const watchdog = setTimeout(() => {
  console.error('screens: timed out')
  host.kill()
  process.exit(1)
}, 300_000)

const STUDY = /study notebook/

async function openNotebook(page) {
  await page.getByRole('button', { name: STUDY }).click()
  await page.getByRole('main', { name: 'Source' }).getByText('Hareer').first().waitFor()
}

/** Selects `text` in the source as a mouse drag would. */
async function select(page, text) {
  await page.evaluate((text) => {
    const root = document.querySelector('.source-text .ProseMirror')
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes = []
    while (walker.nextNode()) nodes.push(walker.currentNode)
    const full = nodes.map((n) => n.data).join('')
    const index = full.indexOf(text)
    if (index < 0) throw new Error(`not in the source: ${text}`)
    const at = (offset, end) => {
      let acc = 0
      for (const n of nodes) {
        if (end ? offset <= acc + n.data.length : offset < acc + n.data.length) return [n, offset - acc]
        acc += n.data.length
      }
    }
    const range = document.createRange()
    range.setStart(...at(index, false))
    range.setEnd(...at(index + text.length, true))
    getSelection().removeAllRanges()
    getSelection().addRange(range)
  }, text)
  await page.getByRole('toolbar', { name: 'Passage actions' }).waitFor()
}

async function tag(page, names) {
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  const input = picker.getByRole('combobox', { name: 'Tag name' })
  for (const name of names) {
    await input.fill(name)
    await input.press('Enter')
  }
  await picker.getByRole('button', { name: 'Done' }).click()
}

/** The notebook people would have after an hour with the seed article. */
async function setUp(page) {
  await openNotebook(page)
  const marks = [
    ['the first phase, expected to run through September 2025', ['phase/1']],
    [
      'Ain al-Asad and Baghdad International Airport',
      ['base/ain-al-asad', 'base/baghdad-international-airport', 'phase/1'],
    ],
    ['relocating troops to Hareer base in the Kurdistan region', ['base/harir', 'phase/1']],
    ['The second phase anticipates continued U.S. operations in Iraq until 2026', ['phase/2']],
    [
      'Iraqi officials have persistently advocated for the withdrawal of foreign coalition troops',
      ['policy/iraqi-sovereignty'],
    ],
    ['a strategic counterbalance to Iranian influence in the region', ['policy/iranian-influence']],
    [
      'A renewed engagement followed the rise of ISIS in 2014',
      ['policy/history-2003-2014', 'policy/regional-conflict'],
    ],
    ['approximately 2,500 U.S. troops remain stationed in Iraq', []],
  ]
  for (const [quote, tags] of marks) {
    await select(page, quote)
    await page.keyboard.press(tags.length ? 't' : 'h')
    if (tags.length) await tag(page, tags)
  }
  // The seed's facets use shades of one hue; the codebook's "Distinct colors" sets them apart,
  // as a person would on their first look at the Tags panel.
  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const codebook = page.getByRole('dialog', { name: 'Tags' })
  for (const facet of ['Phases', 'Bases', 'Policy context']) {
    await codebook
      .getByRole('treeitem', { name: new RegExp(`^${facet},`) })
      .click({ position: { x: 60, y: 10 } })
    await codebook.getByRole('button', { name: 'Distinct colors' }).click()
  }
  await codebook.getByRole('button', { name: 'Close' }).click()
  // A note with formatting on the Hareer passage.
  const card = page.getByRole('article', { name: /^Passage: relocating troops/ })
  await card.getByRole('button', { name: /relocating troops/ }).click()
  await card
    .getByRole('button', { name: /Add a note|Edit the note/ })
    .or(card.locator('.ProseMirror'))
    .first()
    .click()
  await page.keyboard.type('The ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('only')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' base the U.S. keeps in phase 1.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- Check the troop numbers')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Compare with the Erbil reports')
  // Links: phase 1 elaborates the bases; phase 2 follows phase 1.
  const link = async (from, search, target, relation) => {
    const c = page.getByRole('article', { name: new RegExp(`^Passage: ${from}`) })
    await c
      .getByRole('button', { name: new RegExp(from) })
      .first()
      .click()
    await c.getByRole('button', { name: 'Link passage' }).click()
    const dialog = page.getByRole('dialog', { name: 'Link passage' })
    await dialog.getByRole('searchbox', { name: 'Find a passage or note page' }).fill(search)
    await dialog.getByRole('radio', { name: target }).first().check()
    await dialog.getByLabel('Relation').selectOption({ label: relation })
    await dialog.getByRole('button', { name: 'Link', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
  }
  await link('the first phase', 'Ain al-Asad and', /Ain al-Asad and/, 'elaborates')
  await link('The second phase', 'the first phase', /the first phase/, 'precedes')
  await link('Iraqi officials', 'Iranian influence', /Iranian influence/, 'contradicts')
  // A note page referencing two passages.
  await page.getByRole('button', { name: 'New note' }).click()
  const title = page.getByRole('textbox', { name: 'Note title' })
  await title.fill('Withdrawal timeline')
  await title.press('Enter')
  const body = page.getByRole('textbox', { name: 'Note page text' })
  await body.click()
  await page.keyboard.type('Phase 1 closes the western bases: ')
  await page.keyboard.type('[[Ain al-Asad and')
  await page.getByRole('listbox', { name: 'Passages to reference' }).getByRole('option').first().waitFor()
  await page.keyboard.press('Enter')
  await page.keyboard.type(' The troops move north: ')
  await page.keyboard.type('[[relocating')
  await page.getByRole('listbox', { name: 'Passages to reference' }).getByRole('option').first().waitFor()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Open question: how many of the 2,500 troops stay after 2026?')
  await page.getByText('Saved', { exact: true }).waitFor()
}

const settle = (page) => page.waitForTimeout(350) // transitions and the flash animation
const want = (name) => !only || only.includes(name)

async function shoot(page, name, w, h, scheme) {
  await settle(page)
  await page.screenshot({ path: join(outDir, `${name}-${w}x${h}-${scheme}.png`) })
}

async function variant(w, h, scheme) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (e) => console.error(`page error (${w}x${h} ${scheme}):`, e.message))
  await page.goto(url)
  await page.getByRole('button', { name: STUDY }).waitFor()
  if (want('library')) await shoot(page, 'library', w, h, scheme)
  await openNotebook(page)
  if (want('reader')) {
    await page
      .locator('.source-text')
      .getByText(/The withdrawal of U.S. troops/)
      .scrollIntoViewIfNeeded()
    await page.getByText('The agreement involves a two-phase transition').first().scrollIntoViewIfNeeded()
    await select(page, 'the end of the coalition’s mission against ISIS')
    await page.evaluate(() =>
      getSelection().getRangeAt(0).startContainer.parentElement.scrollIntoView({ block: 'center' }),
    )
    await shoot(page, 'reader', w, h, scheme)
  }
  if (want('margin')) {
    const card = page.getByRole('article', { name: /^Passage: relocating troops/ })
    await card.getByRole('button', { name: /relocating troops/ }).click()
    await shoot(page, 'margin', w, h, scheme)
  }
  if (want('search')) {
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Search the notebook' }).fill('Hareer base')
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor()
    await shoot(page, 'search', w, h, scheme)
    await page.keyboard.press('Escape')
  }
  if (want('tags')) {
    await page.getByRole('button', { name: 'Tags', exact: true }).click()
    await page.getByRole('dialog', { name: 'Tags' }).waitFor()
    await shoot(page, 'tags', w, h, scheme)
    await page.getByRole('tab', { name: /Co-occurrence/ }).click()
    await shoot(page, 'tags-cooccurrence', w, h, scheme)
    await page.keyboard.press('Escape')
  }
  if (want('note')) {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Withdrawal timeline', exact: true })
      .click()
    await page.getByRole('textbox', { name: 'Note page text' }).waitFor()
    await shoot(page, 'note', w, h, scheme)
  }
  if (want('graph')) {
    await page.getByRole('button', { name: 'Graph', exact: true }).click()
    await page.locator('.graph-canvas[data-ready="true"], .graph-canvas canvas').first().waitFor()
    await page.waitForTimeout(1200) // the force layout settles
    await shoot(page, 'graph', w, h, scheme)
  }
  await context.close()
}

try {
  const setup = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  setup.setDefaultTimeout(10_000)
  await setup.goto(url)
  await setUp(setup)
  await setup.close()
  for (const [w, h] of SIZES) for (const scheme of SCHEMES) await variant(w, h, scheme)
  console.log(`screenshots in ${outDir}`)
} finally {
  clearTimeout(watchdog)
  await browser.close()
  // The host writes its last state as it stops: let it finish before its folder goes.
  const exited = new Promise((resolve) => host.once('exit', resolve))
  host.kill()
  await exited
  rmSync(dataDir, { recursive: true, force: true })
}
