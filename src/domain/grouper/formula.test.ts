import { describe, expect, it } from 'vitest';
import { formulaOperands, parseFormula } from './formula';

const ids = (name: string): number => name.length;

describe('parseFormula (CMS drg_formulas.tsv syntax)', () => {
  it('binds & tighter than | and keeps parentheses', () => {
    const t = parseFormula('totanklerep | (MCC & replacex)', ids);
    expect(t.kind).toBe('or');
    const u = parseFormula('a | b & c', ids);
    expect(u).toMatchObject({ kind: 'or', items: [{ kind: 'proc', list: 'a' }, { kind: 'and' }] });
  });
  it('reads operand kinds', () => {
    const ops = formulaOperands(parseFormula('PDX:dxc1803 & ~SDX:x & ANY:ami & NORmvge96h & MCC & MDC05', ids));
    expect(ops.map((o) => o.kind)).toEqual(['dx', 'dx', 'dx', 'proc', 'special', 'special']);
  });
  it('rejects malformed formulas', () => {
    expect(() => parseFormula('(a & b', ids)).toThrow();
    expect(() => parseFormula('FOO:bar', ids)).toThrow();
  });
});
