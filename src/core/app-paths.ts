// Paths the core needs without Electron: the app root (resources/, out/renderer) and the
// same default data folder Electron's userData would be.
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

export function findAppRoot(from: string): string {
  let dir = from
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'glossa') return dir
    const up = dirname(dir)
    if (up === dir) throw new Error(`Cannot find Glossa's package.json above ${from}`)
    dir = up
  }
}

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const home = homedir()
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Glossa')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Glossa')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Glossa')
}

export function appVersion(root: string): string {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version
}
