// The window's saved search indexes are kept by the core (loadSearchIndex / saveSearchIndex),
// beside the notebook they index, under the hash of the file they were built from.
import { api } from '../api/client'
import type { SavedIndexes } from './search-index'

export const savedIndexes: SavedIndexes = {
  load: async (id, key) => (await api.loadSearchIndex({ id, key })).bytes,
  save: (id, key, bytes) => api.saveSearchIndex({ id, key, bytes }),
}
