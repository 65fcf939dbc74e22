// "1 passage", "3 passages": one plural rule (Intl.PluralRules) for every count shown to people.
const rules = new Intl.PluralRules('en')

/** `count(3, 'link')` → "3 links"; irregular plurals are passed: `count(2, 'entry', 'entries')`. */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : other}`
}
