// The contract's method names on their own, so the sandboxed preload can expose them without
// bundling zod. contract.ts checks at compile time that this list and the table agree.
export const METHOD_NAMES = [
  'appInfo',
  'listNotebooks',
  'createNotebook',
  'openNotebook',
  'applyOps',
  'deleteNotebook',
  'convertSource',
  'exportNotebook',
  'saveExport',
  'duplicateNotebook',
  'listTrash',
  'restoreNotebook',
  'importNotebook',
  'restoreBackup',
  'openDataFolder',
  'checkExternalChange',
  'reloadNotebook',
  'forceSave',
  'shareNotebook',
  'joinNotebook',
  'teamStatus',
  'saveExportFiles',
  'importMarkdown',
  'markdownImportProgress',
  'cancelMarkdownImport',
  'loadSearchIndex',
  'saveSearchIndex',
] as const
export type MethodNameList = (typeof METHOD_NAMES)[number]
export const channelOf = (name: string): string => `glossa:${name}`
