import { describe, expect, test } from 'vitest';
import { builtInAgeSexEditor } from './ageSexEdits';

describe('builtInAgeSexEditor (MCE-style age/sex edits)', () => {
  test.each<[string, 'dx' | 'pcs', number, string, string | undefined]>([
    ['O80', 'dx', 28, 'F', undefined],
    ['O80', 'dx', 28, 'M', 'sex'],
    ['O80', 'dx', 70, 'F', 'age'],
    ['Z3A.39', 'dx', 8, 'F', 'age'],
    ['P07.30', 'dx', 0, 'M', undefined],
    ['P07.30', 'dx', 3, 'M', 'age'],
    ['Z38.00', 'dx', 45, 'F', 'age'],
    ['N40.0', 'dx', 70, 'F', 'sex'],
    ['C61', 'dx', 70, 'M', undefined],
    ['N83.201', 'dx', 40, 'M', 'sex'],
    ['D25.9', 'dx', 40, 'F', undefined],
    ['I13.0', 'dx', 74, 'F', undefined],
    ['0UT90ZZ', 'pcs', 50, 'M', 'sex'],
    ['0VT04ZZ', 'pcs', 70, 'F', 'sex'],
    ['10E0XZZ', 'pcs', 30, 'M', 'sex'],
    ['0W993ZZ', 'pcs', 74, 'F', undefined],
  ])('%s (%s) age %i sex %s -> %s', (code, kind, age, sex, expected) => {
    expect(builtInAgeSexEditor(code, kind, age, sex)?.kind).toBe(expected);
  });
});
