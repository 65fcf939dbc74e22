// Scrolls to the first element and replays the flash animation on all of them.
export function flashElements(elements: ArrayLike<HTMLElement>, className: string): void {
  const list = Array.from(elements)
  if (list.length === 0) return
  list[0].scrollIntoView({ block: 'center', behavior: 'smooth' })
  for (const el of list) {
    el.classList.remove(className)
    void el.offsetWidth // restart the animation
    el.classList.add(className)
  }
  setTimeout(() => list.forEach((el) => el.classList.remove(className)), 1600)
}
