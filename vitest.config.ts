import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A bound for a hang, generous for a CI machine kept busy by another job; no test times itself.
    testTimeout: process.env.CI ? 90_000 : 30_000,
  },
})
