export { applyOp, applyOps, type Applied } from './apply'
export { OpBatchSchema, OpSchema, type Op, type OpBatch, type OpOf } from './schema'
export { assertLinkAllowed } from './links'
export { assertUniqueTagName, normalizeTagName } from './tag-names'
