// `npm start`: the desktop app, or — where the Electron binary is not installed — the browser
// host, after saying so.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)
let electron = null
try {
  const path = require('electron')
  if (typeof path === 'string' && existsSync(path)) electron = path
} catch {
  electron = null
}

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

if (electron) {
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    '\nThe Electron binary is not installed (this usually means the install ran with ' +
      'ELECTRON_SKIP_BINARY_DOWNLOAD=1, or could not download it). To get the desktop app, run ' +
      '"npm install electron" on a machine that can reach the Electron download servers, or set ' +
      'ELECTRON_MIRROR to a reachable mirror. Meanwhile Glossa starts its browser host: open the ' +
      'address below in your browser.\n',
  )
  const child = spawn(process.execPath, ['out/main/web.js', ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
