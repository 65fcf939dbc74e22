// Tag names are searched through a small index of their own. Passages carry an opaque token
// per tag id instead of the tag's name, so renaming a tag used on thousands of passages
// re-indexes one tag and no passage; the query maps words to the tokens of matching tags.
import type { Tag } from '../schema'
import { foldTerm } from './fold'
import { termOptions } from './plan'
import { Postings } from './postings'
import { TopKScorer } from './scorer'

export class TagMatcher {
  private readonly index = new Postings(['name', 'label'])
  private readonly scorer = new TopKScorer(this.index, { ...termOptions, combineWith: 'AND' }, foldTerm)
  private readonly tokens = new Map<string, string>()
  private readonly tags = new Map<string, Tag>()
  /** Each tag's short id in `index`. */
  private readonly shorts = new Map<string, number>()
  /** forWords results until a tag changes: each keystroke in the search box asks again. */
  private readonly words = new Map<string, string[]>()

  /** The indexed stand-in for a tag id: letters and digits only, so no tokenizer splits it. */
  token(tagId: string): string {
    let t = this.tokens.get(tagId)
    if (t === undefined) this.tokens.set(tagId, (t = `tg${this.tokens.size.toString(36)}`))
    return t
  }

  /** The tag ids given a token, in the order given (token i is `tg` + i in base 36). */
  get tokenized(): string[] {
    return [...this.tokens.keys()]
  }

  /** Gives the tags the tokens a saved index (snapshot.ts) holds them by; false if ids repeat. */
  adoptTokens(tagIds: readonly string[]): boolean {
    if (this.tokens.size > 0) throw new Error('TagMatcher.adoptTokens needs an empty matcher')
    for (const id of tagIds) this.token(id)
    return this.tokens.size === tagIds.length
  }

  put(tag: Tag): void {
    this.words.clear()
    const old = this.tags.get(tag.id)
    if (old) this.index.discard(this.shorts.get(tag.id)!, [old.name, old.label])
    this.tags.set(tag.id, tag)
    this.shorts.set(tag.id, this.index.add(tag.id, [tag.name, tag.label]))
  }

  remove(tagId: string): void {
    this.words.clear()
    const old = this.tags.get(tagId)
    if (!old) return
    this.tags.delete(tagId)
    this.index.discard(this.shorts.get(tagId)!, [old.name, old.label])
    this.shorts.delete(tagId)
  }

  /** Tokens of the tags whose name or label matches the words (prefix/fuzzy as in the main index). */
  forWords(words: string): string[] {
    if (this.tags.size === 0) return []
    let found = this.words.get(words)
    if (!found)
      this.words.set(words, (found = [...this.scorer.search(words, null)].map((r) => this.token(r.id))))
    return found
  }

  /** Tokens of the tags whose name or label contains the phrase. */
  forPhrase(re: RegExp): string[] {
    const out: string[] = []
    for (const t of this.tags.values()) {
      re.lastIndex = 0
      if (re.test(`${t.name} ${t.label}`)) out.push(this.token(t.id))
    }
    return out
  }
}
