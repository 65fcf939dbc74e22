// Finding dates (chrono-node plus bare years and year ranges), reading dates typed by hand, and
// refusing impossible ones with a message.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, plainText } from '../../../src/shared/plain-text'
import { clauseAround } from '../../../src/shared/views/dates/context'
import { detectDates } from '../../../src/shared/views/dates/detect'
import { formatRange, rangeProblem } from '../../../src/shared/views/dates/partial-date'
import { parseDateInput } from '../../../src/shared/views/dates/parse-input'

const seed = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../resources/seed-article.json'), 'utf8'),
)
const seedText = plainText(docFromParagraphs(seed.paragraphs))

describe('detectDates', () => {
  it('finds the seed article’s phases and history, relative to its publication date', () => {
    const found = detectDates(seedText, '2024-09-27').map((s) => [s.text, formatRange(s.value)])
    expect(found).toEqual([
      ['by the end of next year', 'until 31 Dec 2025'],
      ['through September 2025', 'until Sep 2025'],
      ['until 2026', 'until 2026'],
      ['post-2003', 'since 2003'],
      ['in 2003', '2003'],
      ['in 2007', '2007'],
      ['in 2011', '2011'],
      ['in 2014', '2014'],
    ])
  })

  it('places "next year" by the reference date, and drops it when there is none', () => {
    expect(detectDates('They leave next year.', '2019-05-01')[0].value).toEqual({ from: '2020', to: '2020' })
    expect(detectDates('They leave next year.', null)).toEqual([])
  })

  it('reads year ranges and bounds, and leaves numbers that are not years', () => {
    const values = (t: string) => detectDates(t, null).map((s) => s.value)
    expect(values('History 2003–2014 in brief')).toEqual([{ from: '2003', to: '2014' }])
    expect(values('between 2003 and 2014')).toEqual([{ from: '2003', to: '2014' }])
    expect(values('since 2014')).toEqual([{ from: '2014', to: null }])
    expect(values('about 2,500 troops, 2014.5 and 2003%')).toEqual([])
    expect(detectDates('from 2003 to 2014', null)[0].text).toBe('from 2003 to 2014')
  })

  it('gives offsets that point at the words in the text', () => {
    for (const s of detectDates(seedText, '2024-09-27')) expect(seedText.slice(s.start, s.end)).toBe(s.text)
  })
})

describe('parseDateInput (dating and correcting by hand)', () => {
  it.each([
    ['2003', { from: '2003', to: '2003' }],
    ['September 2025', { from: '2025-09', to: '2025-09' }],
    ['2024-09-27', { from: '2024-09-27', to: '2024-09-27' }],
    ['2003–2014', { from: '2003', to: '2014' }],
    ['until 2026', { from: null, to: '2026' }],
    ['through September 2025', { from: null, to: '2025-09' }],
    ['since 2014', { from: '2014', to: null }],
    ['29 February 2024', { from: '2024-02-29', to: '2024-02-29' }],
  ])('reads %s', (input, value) => {
    expect(parseDateInput(input, '2024-09-27')).toEqual({ ok: true, value })
  })

  it.each([
    ['2025-13', 'There is no month 13.'],
    ['13/2025', 'There is no month 13.'],
    ['2025-02-30', 'Feb 2025 has 28 days; there is no day 30.'],
    ['31 September 2025', 'Sep 2025 has 30 days; there is no day 31.'],
    ['2014–2003', 'A period cannot end before it starts.'],
    ['sometime', '“sometime” is not a date Glossa can read.'],
    ['', 'Type a date.'],
  ])('refuses %s', (input, message) => {
    const result = parseDateInput(input, '2024-09-27')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain(message)
  })

  it('asks for the publication date before reading a relative date', () => {
    const result = parseDateInput('next year', null)
    expect(!result.ok && result.message).toMatch(/publication date/)
  })
})

describe('ranges and context', () => {
  it('refuses empty and reversed ranges', () => {
    expect(rangeProblem({ from: null, to: null })).toMatch(/start or an end/)
    expect(rangeProblem({ from: '2025-10', to: '2025-09' })).toMatch(/cannot end before/)
    expect(rangeProblem({ from: '2025-09', to: '2025' })).toBeNull() // a month within its year
  })

  it('labels a found date with its clause', () => {
    const at = seedText.indexOf('through September 2025')
    expect(clauseAround(seedText, at, at + 22).text).toBe(
      'the first phase, expected to run through September 2025',
    )
  })
})
