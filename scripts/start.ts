// `npm start`: the desktop app, or — where the Electron binary is not installed — the browser
// host, after saying so. The build in out/ is reused when nothing it is made from has changed
// since (scripts/build-freshness.ts); `npm start -- --rebuild` builds anyway.
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import {
  BUILD_INPUTS,
  BUILD_OUTPUTS,
  buildDecision,
  inputStamps,
  outputStamps,
  readStamp,
  writeStamp,
} from './build-freshness'
import { electronBinary } from './electron-path'

const root = join(import.meta.dirname, '..')
const forced = process.argv.includes('--rebuild')
const args = process.argv.slice(2).filter((a) => a !== '--rebuild')
const bin = (name: string) =>
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

const decision = forced
  ? { rebuild: true, reason: '--rebuild was given' }
  : buildDecision(inputStamps(root, BUILD_INPUTS), outputStamps(root, BUILD_OUTPUTS), readStamp(root))
if (decision.rebuild) {
  console.log(`Building Glossa (${decision.reason})…`)
  const startedAt = Date.now()
  const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit', cwd: root })
  if (build.status !== 0) process.exit(build.status ?? 1)
  writeStamp(root, startedAt)
} else {
  console.log(
    `Starting from the existing build: ${decision.reason} (npm start -- --rebuild to build anyway).`,
  )
}

const electron = electronBinary()
const run = (command: string, argv: string[]) =>
  spawn(command, argv, { stdio: 'inherit', cwd: root }).on('exit', (code) => process.exit(code ?? 0))
if (electron) {
  run(electron, ['.', ...args])
} else {
  console.log(
    '\nThe Electron binary is not installed, so Glossa cannot open its desktop window here (this ' +
      'is expected after "ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install"). To get the desktop app, ' +
      'run "npx install-electron" or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine ' +
      'that can reach the Electron downloads (or set ELECTRON_MIRROR). Meanwhile Glossa starts its ' +
      'browser host: open the address printed below in your browser.\n',
  )
  run(process.execPath, [join(root, 'out', 'main', 'web.js'), ...args])
}
