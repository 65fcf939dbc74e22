// Stable ids and dates for generated data (no clock, no random ids: the output must repeat).
export const BASE_TIME = Date.UTC(2025, 0, 6, 9, 0, 0)
export const isoAt = (offsetMs: number): string => new Date(BASE_TIME + offsetMs).toISOString()
export const pad = (n: number, width: number): string => String(n).padStart(width, '0')
