// Dev aid: drives the browser host through a typical session and saves screenshots to a folder.
// node scripts/screens.mjs <outDir>   (needs a build in out/)
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright'

const outDir = process.argv[2] ?? '/tmp/glossa-screens'
mkdirSync(outDir, { recursive: true })
const dataDir = mkdtempSync(join(tmpdir(), 'glossa-screens-'))
const host = spawn(
  process.execPath,
  ['out/main/web.js', '--port', '0', '--data-dir', dataDir, '--token', 'screens-token-1'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
)
const url = await new Promise((resolve) =>
  host.stdout.on('data', (d) => {
    const m = /(http:\/\/\S+)/.exec(String(d))
    if (m) resolve(m[1])
  }),
)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})

async function select(page, text) {
  await page.locator('.source-header').click()
  await page.evaluate((text) => {
    const root = document.querySelector('.source-text .ProseMirror')
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes = []
    while (w.nextNode()) nodes.push(w.currentNode)
    for (const n of nodes) {
      const i = n.data.indexOf(text)
      if (i >= 0) {
        const r = document.createRange()
        r.setStart(n, i)
        r.setEnd(n, i + text.length)
        getSelection().removeAllRanges()
        getSelection().addRange(r)
        return
      }
    }
  }, text)
  await page.waitForTimeout(150)
}

const timer = setTimeout(() => {
  console.error('screens: timed out')
  host.kill()
  process.exit(1)
}, 60_000)
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: scheme })
  page.setDefaultTimeout(5000)
  await page.goto(url)
  await page.getByRole('button', { name: /study notebook/ }).click()
  await page.waitForTimeout(400)
  if (scheme === 'light') {
    await select(page, 'the first phase, expected to run through September 2025')
    await page.keyboard.press('h')
    await select(page, 'Ain al-Asad and Baghdad International Airport')
    await page.keyboard.press('n')
    await page.keyboard.type('Both bases are vacated in phase 1; troops move to Harir.')
    await page.locator('.source-header').click()
    await select(page, 'Hareer base in the Kurdistan region')
    await page.keyboard.press('t')
    await page.keyboard.type('harir')
    await page.keyboard.press('Enter')
    await page.keyboard.type('phase/1')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Done' }).click()
    await select(page, 'Ain al-Asad')
  }
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(outDir, `notebook-${scheme}.png`) })
  await page.getByRole('button', { name: 'Filter', exact: true }).click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, `filter-${scheme}.png`) })
  await page.keyboard.press('Control+k')
  await page.keyboard.type('Hareer')
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, `search-${scheme}.png`) })
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, `tags-${scheme}.png`) })
  await page.close()
}
await browser.close()
clearTimeout(timer)
host.kill()
console.log(`screenshots in ${outDir}`)
