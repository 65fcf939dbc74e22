// Where notebooks live: `--data-dir DIR` beats GLOSSA_DATA_DIR beats the platform default.
import { resolve } from 'node:path'

export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === name) return argv[i + 1]
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1)
  }
  return undefined
}

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const chosen = argValue(argv, '--data-dir') ?? env.GLOSSA_DATA_DIR
  return resolve(chosen && chosen.trim() ? chosen : fallback)
}
