// Debian's Chromium (or GLOSSA_CHROMIUM) and its flags, for the e2e suite (playwright.config.ts)
// and the bench's renderer figures (bench/figures/web-host.ts): both drive the same browser.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.GLOSSA_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
