// Appends many items without spreading them into arguments: push(...items) passes every item
// on the call stack and throws RangeError past ~100,000 of them (an export of 20,000
// passages has several hundred thousand blocks).
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item)
  return target
}
