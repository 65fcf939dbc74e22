// `npm run security`: runs Electronegativity (@doyensec/electronegativity) over src/ and fails
// on any finding not justified in scripts/electronegativity-allow.json (a reason per check id,
// optionally limited to files), or when it cannot read a file of the Electron main process or
// preload. It runs offline: the tool's own network calls (translations, Electron release list)
// are answered "offline" at once, and the release-list check is skipped (npm audit's job).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const fromTool = createRequire(join(toolDir, 'dist', 'runner.js'))

// Replace `got` in the module cache before the tool loads it: no request leaves the machine.
const offline = () => Promise.reject(Object.assign(new Error('offline'), { code: 'EOFFLINE' }))
offline.head = offline
offline.get = offline
const gotPath = fromTool.resolve('got')
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: offline,
  children: [],
  paths: [],
}

const quiet = console.log
console.log = (...args) =>
  /translations|Electron's releases/.test(String(args[0])) ? undefined : quiet(...args)
// Its modules end in `module.exports = exports.default`.
await fromTool('./locales/i18n.js')() // sets up the tool's messages (its global __)
const run = fromTool('./runner.js')

const electronVersion = require('electron/package.json').version
const allow = JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allow.json'), 'utf8'))
const { issues, errors } = await run(
  {
    input: join(root, 'src'),
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)
console.log = quiet

const justified = (issue) => {
  const entry = allow.checks[issue.id]
  return Boolean(entry?.reason) && (!entry.files || entry.files.includes(issue.file))
}
const shown = (i) => `${i.id} ${i.file}:${i.location.line}:${i.location.column} — ${i.description}`
const unexplained = issues.filter((i) => !justified(i))
const critical = errors.filter((e) => /(^|[\\/])(main|preload)[\\/]/.test(e.file ?? ''))

console.log(
  `Electronegativity ${fromTool('../package.json').version} (Electron ${electronVersion}) over src/: ${issues.length} findings, ${issues.length - unexplained.length} justified in scripts/electronegativity-allow.json.`,
)
for (const i of issues.filter(justified))
  console.log(`  allowed  ${shown(i)}\n           because: ${allow.checks[i.id].reason}`)
for (const e of errors)
  console.log(
    `  ${critical.includes(e) ? 'ERROR' : 'note'}    could not parse ${e.file}: ${String(e.message ?? e.error ?? '').split('\n')[0]}`,
  )
const stale = Object.keys(allow.checks).filter((id) => !issues.some((i) => i.id === id))
if (stale.length) console.log(`  (allowlist entries with no finding now: ${stale.join(', ')})`)
if (unexplained.length || critical.length) {
  for (const i of unexplained) console.error(`  NOT JUSTIFIED  ${shown(i)}`)
  console.error(
    `Electronegativity: ${unexplained.length} unjustified finding(s), ${critical.length} unreadable main/preload file(s). Fix them, or justify them in scripts/electronegativity-allow.json.`,
  )
  process.exit(1)
}
