// From the codebook to the passages: filter the margin by tags (all of them, for a pair found
// together) and close the panel, as ATLAS.ti's "show quotations" of a code or a co-occurrence.
import { ui } from '../../state/ui-store'

export function showPassages(tagIds: string[]): void {
  ui.set({ filter: { tagIds, mode: 'and', untagged: false }, filterOpen: true, panel: null })
}
