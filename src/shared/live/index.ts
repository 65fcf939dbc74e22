export { fillFragment, fragmentToDoc, updateFragment } from './fragment'
export { COLLECTIONS, type Collection } from './layout'
export { repairMerge, type MergeRepair } from './merge-rules'
export { LIVE_LIMITS, LiveProjection, yDocToNotebook, type Projection, type Refusal } from './project'
export { notebookToYDoc, rewriteEntity, writeNotebookDiff } from './write'
export { REPAIR_ORIGIN, settle, type Settled } from './settle'
export { readConflicts, type Conflict } from './conflicts'
export {
  carriesChanges,
  handleSyncMessage,
  jsonMessage,
  MESSAGE_NOTICES,
  MESSAGE_SAVED,
  MESSAGE_STATUS,
  readJsonMessage,
  syncStep1,
  updateMessage,
  type SavedMessage,
} from './sync-messages'
export { makeNotebookKeys, parseNotebookKey, shareToken, type KeyRole, type NotebookKey } from './keys'
