// The hiding rule of src/shared/report.ts: small counts of people hidden, complementary
// suppression in breakdowns and two-way tables, hidden keys left out, shares from shown counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hideColumn, hideGroups, hideSmall, hideTable, isSmall, shareOf } from '../../src/shared/report';

/** Whether a line (original counts, shown subset) leaves exactly one hidden group next to shown ones. */
function givesOneAway(line: Record<string, number>, shown: Record<string, unknown>): boolean {
  const nonZero = Object.keys(line).filter((k) => line[k] !== 0);
  const hidden = nonZero.filter((k) => !(k in shown) || shown[k] === null);
  return hidden.length === 1 && hidden.length < nonZero.length;
}

const counts = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })),
);

describe('hiding counts of people', () => {
  it('hides 1..4 and shows 0 and 5+', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(hideSmall)).toEqual([0, null, null, null, null, 5, 6, 120]);
  });

  it('hides the one man among six women and men with the women (issue 11, finding 8)', () => {
    expect(hideGroups({ woman: 5, man: 1 })).toEqual({});
    expect(hideGroups({ woman: 12, man: 1, other: 0 })).toEqual({});
  });

  it('hides the smallest shown group with a lone small one, and no more', () => {
    expect(hideGroups({ a: 10, b: 7, c: 2 })).toEqual({ a: 10 });
    expect(hideGroups({ a: 10, b: 2, c: 3 })).toEqual({ a: 10 }); // two hidden: enough
    expect(hideGroups({ a: 10, b: 7 })).toEqual({ a: 10, b: 7 });
    expect(hideGroups({ b: 6, a: 6, c: 1 })).toEqual({ b: 6 }); // a tie hides the first key
    expect(hideGroups({ a: 3 })).toEqual({}); // alone and small: hidden, nothing to add
  });

  it('lists neither hidden groups nor zeros, and nothing when the total is hidden', () => {
    expect(hideGroups({ a: 0, b: 8, c: 9 })).toEqual({ b: 8, c: 9 });
    expect(hideGroups({ a: 8, b: 9 }, true)).toEqual({});
  });

  it('never shows a small count and never leaves exactly one hidden group', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const shown = hideGroups(c);
        for (const [k, n] of Object.entries(shown)) {
          expect(isSmall(n)).toBe(false);
          expect(n).toBe(c[k]);
          expect(n).not.toBe(0);
        }
        expect(givesOneAway(c, shown)).toBe(false);
      }),
    );
  });

  it('keeps listed rows in a column and says null for a hidden figure', () => {
    expect(hideColumn({ placeA: 12, placeB: 2, placeC: 0 })).toEqual({
      placeA: null,
      placeB: null,
      placeC: 0,
    });
    expect(hideColumn({ placeA: 12, placeB: 9 })).toEqual({ placeA: 12, placeB: 9 });
    expect(hideColumn({ placeA: 3, placeB: 0 }, true)).toEqual({ placeA: null, placeB: 0 });
  });
});

describe('hiding in two-way tables', () => {
  it('completes rows and columns until none has exactly one hidden cell', () => {
    const weekTopic = {
      w46: { itsme: 6 },
      w47: { itsme: 2, email: 2 },
      w48: { email: 6 },
    };
    expect(hideTable(weekTopic)).toEqual({});
    const bigger = {
      w1: { itsme: 9, email: 7, eid: 3 },
      w2: { itsme: 8, email: 6, eid: 3 },
    };
    // eid is hidden in both weeks; each week then has exactly one hidden cell, so its smallest
    // shown one (email) goes too; the email column then has two hidden cells: done.
    expect(hideTable(bigger)).toEqual({ w1: { itsme: 9 }, w2: { itsme: 8 } });
  });

  it('hides the whole row or column of a group hidden elsewhere', () => {
    const topicOutcome = {
      itsme: { solved: 9, partly: 6 },
      email: { solved: 8, partly: 7 },
      eid: { solved: 20, partly: 30 },
    };
    // email's row goes; each outcome column then had one hidden cell, so its smallest other one too.
    expect(hideTable(topicOutcome, { rows: new Set(['email']) })).toEqual({
      eid: { solved: 20, partly: 30 },
    });
    // A hidden column leaves every row with one hidden cell: each row loses its smallest other one.
    expect(hideTable(topicOutcome, { columns: new Set(['partly']) })).toEqual({});
    const wider = { w1: { a: 9, b: 6, c: 12 }, w2: { a: 8, b: 7, c: 15 } };
    expect(hideTable(wider, { columns: new Set(['a']) })).toEqual({ w1: { c: 12 }, w2: { c: 15 } });
  });

  it('never shows a small cell nor leaves a row or column with exactly one hidden cell', () => {
    const table = fc.dictionary(fc.constantFrom('r1', 'r2', 'r3', 'r4'), counts);
    fc.assert(
      fc.property(table, (t) => {
        const shown = hideTable(t);
        const cols = new Set(Object.values(t).flatMap((r) => Object.keys(r)));
        for (const [row, cells] of Object.entries(t)) {
          const s = shown[row] ?? {};
          for (const n of Object.values(s)) expect(isSmall(n)).toBe(false);
          expect(givesOneAway(cells, s), `row ${row}`).toBe(false);
        }
        for (const col of cols) {
          const line: Record<string, number> = {};
          const s: Record<string, number> = {};
          for (const [row, cells] of Object.entries(t)) {
            if (cells[col] !== undefined) line[row] = cells[col];
            const v = shown[row]?.[col];
            if (v !== undefined) s[row] = v;
          }
          expect(givesOneAway(line, s), `column ${col}`).toBe(false);
        }
      }),
    );
  });
});

describe('shares', () => {
  it('is computed from shown counts only', () => {
    expect(shareOf(12, 20)).toBe(0.6);
    expect(shareOf(null, 20)).toBeNull();
    expect(shareOf(3, null)).toBeNull();
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(2, 3)).toBe(0.667);
  });
});
