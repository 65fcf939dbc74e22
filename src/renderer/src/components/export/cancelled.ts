/** Thrown between two steps of an export the user cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('The export was cancelled.')
  }
}
