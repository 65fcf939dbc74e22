// `npm start`: the desktop app, or — where the Electron binary is not installed — the browser
// host, after saying so.
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { electronBinary } from './electron-path'

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)
const bin = (name: string) =>
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit', cwd: root })
if (build.status !== 0) process.exit(build.status ?? 1)

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
