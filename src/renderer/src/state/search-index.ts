// One search index per open notebook, brought up to date (incrementally) before each query.
import { NotebookSearch } from '../../../shared/search'
import type { NotebookSession } from './session'

const indexes = new WeakMap<NotebookSession, NotebookSearch>()

export function searchNotebook(session: NotebookSession, query: string, limit = 30) {
  let index = indexes.get(session)
  if (!index) {
    index = NotebookSearch.build(session.notebook)
    indexes.set(session, index)
  } else index.update(session.notebook)
  return index.search(query, limit)
}
