// Debian's Chromium (or GLOSSA_CHROMIUM) and its flags, for the e2e suite (playwright.config.ts)
// and the bench's renderer figures (bench/figures/web-host.ts): both drive the same browser; the
// e2e suite turns one more feature off (E2E_CHROMIUM_LAUNCH).
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

// Chromium 156 loads the omnibox's popup as a WebUI page (chrome://omnibox-popup.top-chrome) in
// every new window, headless too, and each e2e browser context is a new window: a trace showed
// that page taking more CPU than opening the seed notebook (~2.5 s per context in a probe; about
// 1.2 s less CPU per test over the passages and accessibility specs).
// Chromium honours only the last --disable-features and Playwright passes its own list first,
// so ours repeats Playwright's (1.65, chromiumSwitches.ts; to check on an upgrade) before adding to it.
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]

/** The e2e suite's launch: the bench's, without the omnibox popup page each window would load. */
export const E2E_CHROMIUM_LAUNCH = {
  ...CHROMIUM_LAUNCH,
  args: [
    ...CHROMIUM_LAUNCH.args,
    `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup'].join(',')}`,
  ],
}
