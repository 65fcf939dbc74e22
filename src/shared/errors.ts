// Errors cross every boundary (IPC, HTTP) as { code, message }; the UI shows the message.
import { z } from 'zod'

export const ApiErrorSchema = z.object({ code: z.string(), message: z.string() })
export type ApiError = z.infer<typeof ApiErrorSchema>

export class GlossaError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'GlossaError'
  }
  toJSON(): ApiError {
    return { code: this.code, message: this.message }
  }
}

export function isApiError(value: unknown): value is ApiError {
  return ApiErrorSchema.safeParse(value).success
}

/** Turn a zod failure into one readable sentence naming the first few offending fields. */
export function describeZodError(error: z.ZodError, what: string): string {
  const parts = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : what}: ${i.message}`)
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return `Invalid ${what} — ${parts.join('; ')}${more}`
}
