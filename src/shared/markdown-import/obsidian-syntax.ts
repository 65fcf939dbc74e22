// Obsidian's own syntax as a micromark extension, so escapes and code spans are respected the
// way CommonMark respects them (`\[\[x]]` is text, `[[x]]` is a link):
//  - `[[target]]`, `[[target|alias]]`: a wikilink (no line ending, no `[` inside; `]` ends the
//    target or alias) — help.obsidian.md "Internal links".
//  - `#tag` after white space or at a line's start: letters (with their combining marks),
//    numbers, `_`, `-`, `/`, at least one of them not a number — "Tags".
//  - `^id` after white space or alone, at the end of a line: letters, digits, `-` — "Link to
//    a block".
//  - `==`: a highlight marker (pairing is left to the reader of the tree).
// The mdast side adds nodes `wikiLink` { target, alias }, `hashtag` { value }, `blockId`
// { value } and `highlightMarker`.
import type { Data, Literal, Node } from 'mdast'
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown'
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types'

export interface WikiLink extends Node {
  type: 'wikiLink'
  target: string
  alias: string | null
  data?: Data
}
export interface Hashtag extends Literal {
  type: 'hashtag'
}
export interface BlockId extends Literal {
  type: 'blockId'
}
export interface HighlightMarker extends Node {
  type: 'highlightMarker'
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink
    hashtag: Hashtag
    blockId: BlockId
    highlightMarker: HighlightMarker
  }
  interface RootContentMap {
    wikiLink: WikiLink
    hashtag: Hashtag
    blockId: BlockId
    highlightMarker: HighlightMarker
  }
}
declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikiLink: 'wikiLink'
    wikiLinkMarker: 'wikiLinkMarker'
    wikiLinkTarget: 'wikiLinkTarget'
    wikiLinkAlias: 'wikiLinkAlias'
    hashtag: 'hashtag'
    hashtagValue: 'hashtagValue'
    blockId: 'blockId'
    blockIdValue: 'blockIdValue'
    highlightMarker: 'highlightMarker'
  }
}

const LEFT_BRACKET = 91
const RIGHT_BRACKET = 93
const PIPE = 124
const HASH = 35
const CARET = 94
const EQUALS = 61
const SPACE = 32
const MAX = 1_000

// micromark's codes: null at the end, -5/-4/-3 for line endings, -2 tab, -1 virtual space.
const lineEnding = (code: Code): boolean => code !== null && code < -2
const space = (code: Code): boolean => code === -2 || code === -1 || code === SPACE
const whiteBefore = (code: Code): boolean =>
  code === null || lineEnding(code) || space(code) || (code > 0 && /\s/u.test(String.fromCharCode(code)))

const TAG_CHAR = /[\p{L}\p{M}\p{N}_/-]/u
const DIGIT_OR_SLASH = /[\p{N}/]/u
const isTagChar = (code: Code): boolean =>
  code !== null &&
  code > 0 &&
  ((code >= 0xd800 && code <= 0xdfff) || TAG_CHAR.test(String.fromCharCode(code)))
const isIdChar = (code: Code): boolean =>
  code !== null &&
  ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45)

function tokenizeWikiLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  const marker =
    (next: State): State =>
    (code) => {
      if (code !== (next === target0 ? LEFT_BRACKET : RIGHT_BRACKET)) return nok(code)
      effects.consume(code)
      effects.exit('wikiLinkMarker')
      return next
    }
  const start: State = (code) => {
    effects.enter('wikiLink')
    effects.enter('wikiLinkMarker')
    effects.consume(code)
    return marker(target0)
  }
  const target0: State = (code) => {
    if (code === null || lineEnding(code) || code === RIGHT_BRACKET || code === PIPE || code === LEFT_BRACKET)
      return nok(code)
    effects.enter('wikiLinkTarget')
    return target(code)
  }
  const target: State = (code) => {
    if (code === null || lineEnding(code) || code === LEFT_BRACKET || ++size > MAX) return nok(code)
    if (code === RIGHT_BRACKET || code === PIPE) {
      effects.exit('wikiLinkTarget')
      if (code === RIGHT_BRACKET) return close(code)
      effects.enter('wikiLinkMarker')
      effects.consume(code)
      effects.exit('wikiLinkMarker')
      return alias0
    }
    effects.consume(code)
    return target
  }
  const alias0: State = (code) => {
    if (code === RIGHT_BRACKET) return close(code)
    effects.enter('wikiLinkAlias')
    return alias(code)
  }
  const alias: State = (code) => {
    if (code === null || lineEnding(code) || code === LEFT_BRACKET || ++size > MAX) return nok(code)
    if (code === RIGHT_BRACKET) {
      effects.exit('wikiLinkAlias')
      return close(code)
    }
    effects.consume(code)
    return alias
  }
  const close: State = (code) => {
    effects.enter('wikiLinkMarker')
    effects.consume(code)
    return (next) => {
      if (next !== RIGHT_BRACKET) return nok(next)
      effects.consume(next)
      effects.exit('wikiLinkMarker')
      effects.exit('wikiLink')
      return ok
    }
  }
  return start
}

function tokenizeHashtag(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  let word = false
  const value: State = (code) => {
    if (isTagChar(code) && size < MAX) {
      if (!DIGIT_OR_SLASH.test(String.fromCharCode(code!))) word = true
      size++
      effects.consume(code)
      return value
    }
    if (!word) return nok(code)
    effects.exit('hashtagValue')
    effects.exit('hashtag')
    return ok(code)
  }
  return (code) => {
    effects.enter('hashtag')
    effects.consume(code)
    return (next) => {
      if (!isTagChar(next)) return nok(next)
      effects.enter('hashtagValue')
      return value(next)
    }
  }
}

function tokenizeBlockId(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0
  const value: State = (code) => {
    if (isIdChar(code) && size++ < MAX) {
      effects.consume(code)
      return value
    }
    if (size === 0 || !(code === null || lineEnding(code))) return nok(code)
    effects.exit('blockIdValue')
    effects.exit('blockId')
    return ok(code)
  }
  return (code) => {
    effects.enter('blockId')
    effects.consume(code)
    effects.enter('blockIdValue')
    return value
  }
}

function tokenizeHighlight(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (code) => {
    effects.enter('highlightMarker')
    effects.consume(code)
    return (next) => {
      if (next !== EQUALS) return nok(next)
      effects.consume(next)
      effects.exit('highlightMarker')
      return ok
    }
  }
}

const wikiLink: Construct = { name: 'obsidianWikiLink', tokenize: tokenizeWikiLink, add: 'before' }
const hashtag: Construct = {
  name: 'obsidianTag',
  tokenize: tokenizeHashtag,
  previous: (code) => whiteBefore(code),
}
const blockId: Construct = { name: 'obsidianBlockId', tokenize: tokenizeBlockId, previous: whiteBefore }
const highlight: Construct = { name: 'obsidianHighlight', tokenize: tokenizeHighlight }

export const obsidianSyntax: Extension = {
  text: { [LEFT_BRACKET]: wikiLink, [HASH]: hashtag, [CARET]: blockId, [EQUALS]: highlight },
}

function top<T>(ctx: CompileContext): T {
  return ctx.stack[ctx.stack.length - 1] as T
}

export const obsidianFromMarkdown: FromMarkdownExtension = {
  enter: {
    wikiLink(token: Token) {
      this.enter({ type: 'wikiLink', target: '', alias: null } as WikiLink as never, token)
    },
    hashtag(token: Token) {
      this.enter({ type: 'hashtag', value: '' } as Hashtag as never, token)
    },
    blockId(token: Token) {
      this.enter({ type: 'blockId', value: '' } as BlockId as never, token)
    },
    highlightMarker(token: Token) {
      this.enter({ type: 'highlightMarker' } as HighlightMarker as never, token)
    },
  },
  exit: {
    wikiLinkTarget(token: Token) {
      top<WikiLink>(this).target = this.sliceSerialize(token)
    },
    wikiLinkAlias(token: Token) {
      top<WikiLink>(this).alias = this.sliceSerialize(token)
    },
    wikiLink(token: Token) {
      this.exit(token)
    },
    hashtagValue(token: Token) {
      top<Hashtag>(this).value = this.sliceSerialize(token)
    },
    hashtag(token: Token) {
      this.exit(token)
    },
    blockIdValue(token: Token) {
      top<BlockId>(this).value = this.sliceSerialize(token)
    },
    blockId(token: Token) {
      this.exit(token)
    },
    highlightMarker(token: Token) {
      this.exit(token)
    },
  },
}
