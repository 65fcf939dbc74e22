// `npm run checks`: lint, build, typecheck and the Electron security scan, at the same time.
// They read the sources only (the build writes out/, which the others ignore) and each is
// mostly single-threaded, so on a 2-core CI machine running them together saves about half
// their time. Each one's output is printed whole when it ends, so logs do not interleave; the
// run fails if any of them fails, after all have ended.
import { spawn } from 'node:child_process'

const SCRIPTS = ['lint', 'build', 'typecheck', 'security']

function run(script) {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks = []
    child.stdout.on('data', (c) => chunks.push(c))
    child.stderr.on('data', (c) => chunks.push(c))
    child.on('error', (error) => chunks.push(Buffer.from(String(error))))
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const status = code === 0 ? 'passed' : `FAILED (exit ${code})`
      process.stdout.write(`\n── npm run ${script}: ${status} in ${seconds} s ──\n`)
      process.stdout.write(Buffer.concat(chunks))
      resolve(code === 0)
    })
  })
}

const results = await Promise.all(SCRIPTS.map(run))
const failed = SCRIPTS.filter((_, i) => !results[i])
if (failed.length > 0) {
  console.error(`\nChecks failed: ${failed.join(', ')}`)
  process.exit(1)
}
