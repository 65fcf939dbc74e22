// One entry point for every transport: validate the arguments against the contract, call the
// handler, and turn anything thrown into { code, message }. Never throws.
import { contract, isMethodName, type Handlers, type MethodName } from '../shared/contract'
import { describeZodError, GlossaError, type ApiError } from '../shared/errors'

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError }

export async function dispatch(handlers: Handlers, name: string, rawArgs: unknown): Promise<Outcome> {
  if (!isMethodName(name)) return fail('unknown-method', `There is no method “${String(name).slice(0, 60)}”.`)
  const parsed = contract[name].args.safeParse(rawArgs ?? {})
  if (!parsed.success) return fail('invalid-arguments', describeZodError(parsed.error, `arguments for ${name}`))
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof GlossaError) return fail(error.code, error.message)
    console.error(`[glossa] ${name as MethodName} failed:`, error)
    return fail('internal', error instanceof Error ? error.message : 'Something went wrong.')
  }
}

function fail(code: string, message: string): Outcome {
  return { ok: false, error: { code, message } }
}
