// Dev aid: screenshots of the browser host. node scripts/screenshot.mjs <url> <out.png> [dark] [clickText...]
import { chromium } from 'playwright'
const [url, out, scheme = 'light', ...clicks] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: scheme })
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()))
page.on('pageerror', (e) => console.log('page error:', e.message))
await page.goto(url)
await page.waitForTimeout(800)
for (const c of clicks) {
  await page.getByText(c, { exact: false }).first().click()
  await page.waitForTimeout(600)
}
await page.screenshot({ path: out })
await browser.close()
