import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A bound for a hang, generous for a CI machine kept busy by another job; no test times itself.
    testTimeout: process.env.CI ? 90_000 : 30_000,
    // Vitest's default leaves one core to its own process (cpus - 1): one worker on a 2-core CI
    // machine ran the files one after another while that process idled. Its longest files
    // (crash-safety, fuzz) wait on child processes and fsync much of the time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
})
