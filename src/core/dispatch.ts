// One entry point for every transport: validate the arguments against the contract, call the
// handler, and turn anything thrown into { code, message }. Never throws.
import { contract, isMethodName, type Handlers, type MethodName } from '@shared/contract'
import { describeZodError, GlossaError, type ApiError } from '@shared/errors'

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError }

export async function dispatch(handlers: Handlers, name: string, rawArgs: unknown): Promise<Outcome> {
  if (!isMethodName(name)) return fail('unknown-method', `There is no method “${String(name).slice(0, 60)}”.`)
  // zod's recursive document schema would overflow the stack on very deep (or, over IPC,
  // cyclic) input, so nesting is capped before parsing.
  if (nestedDeeperThan(rawArgs, MAX_ARG_DEPTH))
    return fail(
      'invalid-arguments',
      `Invalid arguments for ${name} — nested more than ${MAX_ARG_DEPTH} levels deep.`,
    )
  const parsed = contract[name].args.safeParse(rawArgs ?? {})
  if (!parsed.success)
    return fail('invalid-arguments', describeZodError(parsed.error, `arguments for ${name}`))
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof GlossaError) return fail(error.code, error.message)
    console.error(`[glossa] ${name as MethodName} failed:`, error)
    return fail('internal', error instanceof Error ? error.message : 'Something went wrong.')
  }
}

/** Far deeper than any real document (about 120 nested blocks), far below the stack's limit. */
export const MAX_ARG_DEPTH = 256

/**
 * Iterative, so the check itself cannot overflow; a cycle counts as too deep. Binary data
 * (a saved search index: 15 MB) holds no nesting and is not walked byte by byte.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth >= max) return true
    if (ArrayBuffer.isView(node) || node instanceof ArrayBuffer) continue
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

function fail(code: string, message: string): Outcome {
  return { ok: false, error: { code, message } }
}
