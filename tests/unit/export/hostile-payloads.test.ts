// The XSS payloads of the end-to-end hostile-content test, put into every text field a
// notebook has, exported as Markdown (one file and the folder layout): no file may hold raw
// HTML or a script URL once parsed as Markdown (what Obsidian and the like would render).
import type { Nodes, Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import type { DocNode } from '../../../src/shared/schema'
import { noteDoc, sampleNotebook } from '../../fixtures/sample-notebook'

const PAYLOADS = [
  `<script>alert('script')</script>`,
  `<img src=x onerror="alert('img')">`,
  `<a href="javascript:alert('link')">a javascript link</a>`,
  `<svg onload="alert('svg')"><script>alert(1)</script></svg>`,
  `<iframe src="javascript:alert('iframe')"></iframe>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<div style="width:expression(alert('expr'));background:url(javascript:alert(1))">styled</div>`,
  `<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `[md link](javascript:alert('md')) ![img](javascript:alert(1)) <javascript:alert(1)>`,
  `[ref][r]\n\n[r]: javascript:alert(1)`,
]
const SCRIPT_URL = /^(javascript|vbscript|data:text)/

const parse = (md: string): Root =>
  unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(md)
const all = (n: Nodes): Nodes[] => [n, ...('children' in n ? (n.children as Nodes[]).flatMap(all) : [])]
const text = (s: string): DocNode => ({ type: 'text', text: s })
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })

function hostileNotebook(payload: string) {
  const nb = sampleNotebook()
  nb.title = payload.slice(0, 300)
  nb.sources[0] = {
    ...nb.sources[0],
    title: payload.slice(0, 300),
    origin: payload.slice(0, 500),
    summary: payload,
  }
  nb.annotations[0] = {
    ...nb.annotations[0],
    note: noteDoc(
      para(text(payload)),
      para({
        type: 'text',
        text: 'a link',
        marks: [
          {
            type: 'link',
            attrs: { href: payload.includes('javascript') ? ' javascript:alert(1)' : payload },
          },
        ],
      }),
    ),
  }
  nb.tags[0] = { ...nb.tags[0], label: payload.slice(0, 300), description: payload }
  nb.links[1] = { ...nb.links[1], comment: payload }
  nb.relations[3] = { ...nb.relations[3], name: payload.slice(0, 60), inverse: payload.slice(0, 60) }
  nb.notes[0] = { ...nb.notes[0], title: payload.slice(0, 300), doc: noteDoc(para(text(payload))) }
  return nb
}

describe('Markdown export of XSS payloads in every field', () => {
  for (const layout of ['single', 'folder'] as const) {
    it.each(PAYLOADS)(`${layout}: %s`, (payload) => {
      const { files } = exportMarkdown(hostileNotebook(payload), { layout })
      expect(files.length).toBeGreaterThan(0)
      for (const file of files.filter((f) => f.path.endsWith('.md'))) {
        const nodes = all(parse(file.content))
        expect(
          nodes.filter((n) => n.type === 'html'),
          file.path,
        ).toEqual([])
        const urls = nodes.flatMap((n) =>
          n.type === 'link' || n.type === 'definition' || n.type === 'image'
            ? [n.url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()]
            : [],
        )
        expect(
          urls.filter((u) => SCRIPT_URL.test(u)),
          file.path,
        ).toEqual([])
        expect(file.path).not.toMatch(/[<>"|?*]|\.\.[\\/]/)
      }
    })
  }
})
