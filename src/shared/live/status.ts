// A shared notebook's connection state, as the core tells its windows (docs/LIVE.md).
import { z } from 'zod'

export const TeamStatusSchema = z.object({
  state: z.enum(['online', 'syncing', 'offline', 'refused']),
  /** Changes made here the server has not acknowledged yet. */
  waiting: z.number().int().nonnegative(),
  reason: z.string().optional(),
  readOnly: z.boolean(),
  /** Who else is in the notebook, and which source they are reading. */
  peers: z.array(z.object({ name: z.string(), source: z.string().optional() })),
})
export type TeamStatus = z.infer<typeof TeamStatusSchema>
