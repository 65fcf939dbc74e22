import { describe, expect, it } from 'vitest'
import { parseRoute, routeHash } from '../../src/renderer/src/state/route'

describe('hash routes', () => {
  it('reads an export deep link as the notebook at that passage, note page or source', () => {
    expect(parseRoute('#/open/nb1/passage/p_9')).toEqual({
      screen: 'notebook',
      notebookId: 'nb1',
      passageId: 'p_9',
    })
    expect(parseRoute('#/open/nb1/note/n-2')).toEqual({
      screen: 'notebook',
      notebookId: 'nb1',
      noteId: 'n-2',
    })
    expect(parseRoute('#/open/nb1/source/s3')).toEqual({
      screen: 'notebook',
      notebookId: 'nb1',
      sourceId: 's3',
    })
  })

  it('ignores deep links that are not strictly well formed', () => {
    for (const hash of [
      '#/open/nb1/passage/',
      '#/open/nb1/script/x',
      '#/open/../passage/x',
      '#/open/a b/passage/x',
    ])
      expect(parseRoute(hash)).toEqual({ screen: 'library' })
  })

  it('round-trips the app routes', () => {
    for (const hash of ['#/', '#/nb/a', '#/nb/a/s/b', '#/nb/a/n/c', '#/nb/a/v/timeline', '#/nb/a/e/d'])
      expect(routeHash(parseRoute(hash))).toBe(hash)
  })
})
