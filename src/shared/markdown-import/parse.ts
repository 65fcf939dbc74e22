// Markdown → mdast with everything a Glossa export (and an Obsidian note) uses: CommonMark,
// GFM (tables, strikethrough, task lists), YAML front matter, and Obsidian's wikilinks, tags,
// block ids and highlight markers (obsidian-syntax.ts). Positions are kept: the importer looks
// at the source of a few nodes (an `&nbsp;` paragraph, an autolinked URL).
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { obsidianFromMarkdown, obsidianSyntax } from './obsidian-syntax'

function remarkObsidian(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(obsidianSyntax)
  ;(data.fromMarkdownExtensions ??= []).push(obsidianFromMarkdown)
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm, { singleTilde: false })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkObsidian)

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}
