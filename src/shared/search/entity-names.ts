// Entity names in search: a word typed bare (or words in a row) that is one of an entity's
// names or aliases also finds its other names, so "harir" finds "Hareer" and "حرير" as the
// entity views do. Names are compared folded as entity matching folds them (views/fold.ts:
// case, accents, hamza forms, "al-Asad" = "al Asad"), whole names only: "hari" expands nothing.
import type { Entity } from '../schema'
import { nameIndex } from '../views/entities'
import { foldName } from '../views/fold'
import { isStop } from './plan'

/** Query terms `start … start + count - 1` name an entity; `others` are the names to add. */
export interface NameRun {
  start: number
  count: number
  others: string[]
}

/** A name without a letter or digit names nothing the index could find. */
const WORD = /[\p{L}\p{N}]/u

/** Does the folded name `name` contain the folded words `key`, as whole words? */
const containsWords = (name: string, key: string): boolean => ` ${name} `.includes(` ${key} `)

export class EntityNames {
  private entities: readonly Entity[] | undefined
  /** Folded name → the other names (as written) of every entity known by it. */
  private table = new Map<string, string[]>()
  /** The most words in a folded name: how far a run of query terms is tried. */
  private longest = 0

  /**
   * Rebuilds the table when the notebook's entities changed. Updates keep an unchanged
   * array's identity (like every other part of the notebook), so typing in a source or a
   * search costs one comparison here; a rebuild is a few maps over the names (tens, not thousands).
   */
  update(entities: readonly Entity[] | undefined): void {
    if (entities === this.entities) return
    this.entities = entities
    this.table = new Map()
    this.longest = 0
    const byId = new Map((entities ?? []).map((e) => [e.id, e]))
    for (const [key, ids] of nameIndex(entities ?? [])) {
      const others = new Map<string, string>()
      for (const id of ids) {
        const e = byId.get(id)!
        for (const name of [e.name, ...e.aliases]) {
          const folded = foldName(name)
          // A name containing the typed words ("Harir Air Base" for "harir") finds nothing more;
          // one of stop words only ("IS" for the Islamic State) would match nearly every block.
          if (WORD.test(folded) && !isStop(name) && !containsWords(folded, key) && !others.has(folded))
            others.set(folded, name)
        }
      }
      // Nor does one containing another name kept ("Harir Air Base" once "Harir" is there).
      const kept = [...others].filter(
        ([f]) => ![...others.keys()].some((o) => o !== f && containsWords(f, o)),
      )
      if (kept.length === 0) continue
      this.table.set(
        key,
        kept.map(([, name]) => name),
      )
      this.longest = Math.max(this.longest, key.split(' ').length)
    }
  }

  /** The runs of `terms` that name an entity, left to right, the longest name first at each word. */
  find(terms: readonly string[]): NameRun[] {
    if (this.table.size === 0) return []
    const folded = terms.map(foldName)
    const runs: NameRun[] = []
    for (let i = 0; i < terms.length;) {
      let count = Math.min(this.longest, terms.length - i)
      for (; count > 0; count--) {
        const others = this.table.get(folded.slice(i, i + count).join(' '))
        if (others) {
          runs.push({ start: i, count, others })
          break
        }
      }
      i += Math.max(count, 1)
    }
    return runs
  }
}
