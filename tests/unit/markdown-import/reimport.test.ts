// "Edited in Obsidian, brought back": the changes found between a notebook and its edited export,
// and the operations for the accepted ones (applied by the same reducer the session uses).
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { reimport } from '../../../src/shared/markdown-import/diff'
import { applyOps } from '../../../src/shared/ops'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const NOW = '2031-02-03T04:05:06.000Z'
let n = 0
const newId = () => `id${n++}`

function edited(replace: (md: string) => string, layout: 'single' | 'folder' = 'single') {
  const nb = sampleNotebook()
  const files = exportMarkdown(nb, { layout }).files.map((f) => ({ ...f, content: replace(f.content) }))
  return { nb, diff: reimport(nb, files, NOW, newId) }
}

describe('bringing an edited export back into its notebook', () => {
  it('finds nothing in an untouched export, in both layouts', () => {
    expect(edited((md) => md).diff.changes).toEqual([])
    expect(edited((md) => md, 'folder').diff.changes).toEqual([])
  })

  it('finds an edited note, a new tag, a removed tag, a new link and a new [[reference]]', () => {
    const { nb, diff } = edited((md) =>
      md
        .replace('Troops move north to Harir.', 'Troops move north to Harir, see [[#^p-a4]].')
        .replace('#phase/1 #base/ain-al-asad #base/baghdad-airport', '#phase/1 #base/ain-al-asad #checked')
        .replace(
          '¶ 3 · [Open in Glossa](glossa://open/nb-sample/passage/a5)',
          '¶ 3 · [Open in Glossa](glossa://open/nb-sample/passage/a5)\\\nsupports → [[#^p-a1]] — seen in Obsidian',
        ),
    )
    expect(diff.changes.map((c) => [c.kind, c.subject, c.label])).toEqual([
      ['changed', 'tags', 'Tags of “Ain al-Asad and Baghdad International Airport”'],
      ['changed', 'note', 'Note of “Baghdad International Airport, subsequently…”'],
      [
        'added',
        'link',
        'Link: “sovereignty over their national security” supports “the first phase, expected to run through…”',
      ],
    ])
    expect(diff.changes[0].detail).toBe('+ checked, − base/baghdad-airport')
    const ops = diff.opsFor(new Set(diff.changes.map((c) => c.id)))
    const { notebook } = applyOps(nb, ops, NOW)
    const a2 = notebook.annotations.find((a) => a.id === 'a2')!
    expect(a2.tagIds.map((id) => notebook.tags.find((t) => t.id === id)!.name).sort()).toEqual([
      'base/ain-al-asad',
      'checked',
      'phase/1',
    ])
    expect(JSON.stringify(notebook.annotations.find((a) => a.id === 'a3')!.note)).toContain(
      '"annotationId":"a4"',
    )
    expect(notebook.links).toContainEqual(
      expect.objectContaining({ from: { kind: 'annotation', id: 'a5' }, comment: 'seen in Obsidian' }),
    )
  })

  it('applies only what is accepted; nothing else is touched', () => {
    const { nb, diff } = edited((md) =>
      md.replace('Troops move north to Harir.', 'Troops move south.').replace(' #base/harir', ''),
    )
    const note = diff.changes.find((c) => c.subject === 'note')!
    const { notebook } = applyOps(nb, diff.opsFor(new Set([note.id])), NOW)
    expect(notebook.annotations.find((a) => a.id === 'a3')!.tagIds).toEqual(['tag-harir'])
    expect(JSON.stringify(notebook.annotations.find((a) => a.id === 'a3')!.note)).toContain(
      'Troops move south.',
    )
    expect(diff.opsFor(new Set())).toEqual([])
  })

  it('reports a quote that no longer matches and edited source text, without applying them', () => {
    const { diff } = edited((md) =>
      md
        .replace(
          '> domestic political vulnerabilities linked with Iranian influence',
          '> domestic political weakness',
        )
        .replace('which aimed to dismantle the regime', 'which was meant to end the regime'),
    )
    const reported = diff.changes.filter((c) => !c.applicable)
    expect(reported.map((c) => [c.kind, c.label])).toEqual([
      ['quote', 'Quote no longer matches: “domestic political vulnerabilities linked with…”'],
      [
        'changed',
        'Text of “U.S. and Iraq agree to conclude the military mission against the Islamic State group”',
      ],
    ])
    expect(diff.opsFor(new Set(reported.map((c) => c.id)))).toEqual([])
  })

  it('finds removed passages, links and note pages, and a note page written in Obsidian (folder)', () => {
    const nb = sampleNotebook()
    const files = exportMarkdown(nb, { layout: 'folder' }).files.map((f) => ({
      ...f,
      content: f.content.replace(
        /> sovereignty over their national security\n\n\^p-a5\n\n[^\n]*\n[^\n]*\n?/,
        '',
      ),
    }))
    files.push({
      path: 'notes/Written in Obsidian.md',
      content:
        '# Written in Obsidian\n\nSee [[sources/U.S. and Iraq agree to conclude the military mission against the Islamic State group#^p-a1]].\n',
    })
    const diff = reimport(nb, files, NOW, newId)
    expect(diff.changes.map((c) => [c.kind, c.subject])).toEqual(
      expect.arrayContaining([
        ['removed', 'passage'],
        ['removed', 'link'],
        ['added', 'note page'],
      ]),
    )
    const { notebook } = applyOps(nb, diff.opsFor(new Set(diff.changes.map((c) => c.id))), NOW)
    expect(notebook.annotations.some((a) => a.id === 'a5')).toBe(false)
    expect(notebook.notes.find((p) => p.title === 'Written in Obsidian')!.doc.content?.[0]).toMatchObject({
      content: [{ text: 'See ' }, { type: 'passageRef', attrs: { annotationId: 'a1' } }, { text: '.' }],
    })
  })

  it('refuses the export of another notebook', () => {
    const nb = sampleNotebook()
    const files = exportMarkdown({ ...nb, id: 'other-notebook' }, { layout: 'single' }).files
    expect(() => reimport(nb, files, NOW, newId)).toThrow('not of this notebook')
  })
})
