import { describe, expect, test } from 'vitest';
import { parseBlockSyntax, type BlockEntry } from '../../../src/core/syntax/block-syntax';
import {
  parseBooleanField,
  parseListField,
  parseNumberField,
  parseRangeField,
  parseStringField,
} from '../../../src/core/syntax/fields';

/** A scalar entry as `key: text` parses it. */
const scalar = (text: string): BlockEntry => ({ key: 'k', line: 3, value: text, raw: text });

/** The one entry of a block body. */
function entry(source: string): BlockEntry {
  const r = parseBlockSyntax(source, 'k');
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value.list[0];
}

describe('outOfRange names only the bounds that exist', () => {
  // The message says "at least min" / "at most max" from the args it is given, so an absent bound must be
  // absent, not present as undefined.
  test('a number with only a minimum', () => {
    const r = parseNumberField(scalar('-1'), { min: 0 });
    expect(r).toStrictEqual({
      ok: false,
      problem: { code: 'outOfRange', args: { key: 'k', value: '-1', min: 0 }, line: 3 },
    });
  });

  test('a number with only a maximum', () => {
    const r = parseNumberField(scalar('11'), { max: 10 });
    expect(r).toStrictEqual({
      ok: false,
      problem: { code: 'outOfRange', args: { key: 'k', value: '11', max: 10 }, line: 3 },
    });
  });

  test('too many items: a maximum and a unit, no minimum', () => {
    // `a, b, c` is three items against a maximum of two.
    const r = parseListField(scalar('a, b, c'), { maxItems: 2 });
    expect(r).toStrictEqual({
      ok: false,
      problem: { code: 'outOfRange', args: { key: 'k', value: 3, max: 2, unit: 'items' }, line: 3 },
    });
  });
});

test('booleans ignore case', () => {
  // README: true/false, yes/no, on/off, 1/0 in any case.
  expect(parseBooleanField(scalar('YES'))).toEqual({ ok: true, value: true });
  expect(parseBooleanField(scalar('Off'))).toEqual({ ok: true, value: false });
});

test('a quoted boolean keeps its inner spaces, which do not count', () => {
  const e = entry('k: " yes "');
  expect(e.value).toBe(' yes ');
  expect(parseBooleanField(e)).toEqual({ ok: true, value: true });
});

describe('ranges', () => {
  test('a one-item block list `- 1..2` is the shorthand 1..2 only as a scalar, so it is one item: badRange', () => {
    // A block list is a list: its one item is not split at `..`, and one item is not an interval.
    const e = entry('k:\n  - 1..2');
    expect(e.value).toEqual(['1..2']);
    expect(parseRangeField(e, {})).toEqual({
      ok: false,
      problem: { code: 'badRange', args: { key: 'k', value: '1..2' }, line: 1 },
    });
  });

  test('a reversed interval is badRange even with no minSpan to catch it', () => {
    expect(parseRangeField(scalar('2, 1'), {})).toEqual({
      ok: false,
      problem: { code: 'badRange', args: { key: 'k', value: '2, 1' }, line: 3 },
    });
  });

  test('the upper end alone beyond the limit is outOfRange', () => {
    // |0| ≤ 1e6 but |2e6| > 1e6.
    expect(parseRangeField(scalar('0, 2e6'), { limit: 1e6 })).toEqual({
      ok: false,
      problem: { code: 'outOfRange', args: { key: 'k', value: '0, 2e6', min: -1e6, max: 1e6 }, line: 3 },
    });
  });
});

test('a string with no maxLength is kept whole', () => {
  expect(parseStringField(scalar('x'.repeat(500)), {})).toEqual({ ok: true, value: 'x'.repeat(500) });
});
