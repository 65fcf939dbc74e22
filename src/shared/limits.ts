// Size limits of the notebook format, checked by the schema (schema.ts) and told to people by
// the dialogs. No imports: the window's first chunk takes this module (renderer-entry.test.ts).
/** Limits chosen so a hostile or accidental payload cannot exhaust memory or the UI. */
export const LIMITS = {
  idLength: 64,
  titleLength: 300,
  tagNameLength: 120,
  originLength: 500,
  /** A source's plain text may be at most this many characters (≈ 5 MB of text). */
  sourceTextChars: 5_000_000,
  quoteChars: 20_000,
  contextChars: 32,
  commentChars: 5_000,
  descriptionChars: 2_000,
} as const
