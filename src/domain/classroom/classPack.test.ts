import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { baseScenario } from '../../../tests/factories/scenarioFactory';
import { taskTypes } from '../tasks/registry';
import { extractPackFiles, validatePack } from './classPack';

const yaml = (over: Record<string, unknown>) => strToU8(stringify({ ...baseScenario, ...over }));

describe('class packs', () => {
  it('reads the .yaml files of a zip (folders kept, metadata skipped) and loose .yaml files', () => {
    const zip = zipSync({
      'scenarios/coding/01-a.yaml': yaml({ id: 'coding-pack-a' }),
      '__MACOSX/coding/._01-a.yaml': strToU8('junk'),
      'notes.txt': strToU8('not a case'),
      'coding/02-b.yml': yaml({ id: 'coding-pack-b' }),
    });
    const { files, problems } = extractPackFiles([
      { name: 'week3.zip', bytes: zip },
      { name: 'extra.yaml', bytes: yaml({ id: 'coding-pack-c' }) },
      { name: 'photo.png', bytes: new Uint8Array([1, 2]) },
    ]);
    expect(files.map((f) => f.file)).toEqual(['coding/01-a.yaml', 'coding/02-b.yml', 'extra.yaml']);
    expect(problems).toEqual(['photo.png: skipped, a class pack is a .zip or .yaml scenario files.']);
  });

  it('reports an unreadable zip and a zip without scenarios', () => {
    const { problems } = extractPackFiles([
      { name: 'broken.zip', bytes: strToU8('PK not really') },
      { name: 'empty.zip', bytes: zipSync({ 'readme.txt': strToU8('x') }) },
    ]);
    expect(problems[0]).toMatch(/^broken\.zip: not a readable zip file/);
    expect(problems[1]).toBe('empty.zip: has no .yaml scenario files (or only files larger than 2 MB).');
  });

  it('skips oversized files', () => {
    const { files, problems } = extractPackFiles([{ name: 'big.yaml', bytes: new Uint8Array(2 * 1024 * 1024 + 1) }]);
    expect(files).toEqual([]);
    expect(problems[0]).toMatch(/larger than 2 MB/);
  });

  it('validates with the same checker as the bundled cases and refuses ids already in use', () => {
    const files = [
      { file: 'coding/01-a.yaml', text: stringify({ ...baseScenario, id: 'coding-pack-a' }) },
      { file: 'coding/02-taken.yaml', text: stringify({ ...baseScenario, id: 'coding-lll-pneumonia-effusion' }) },
      { file: 'coding/03-broken.yaml', text: stringify({ ...baseScenario, id: 'coding-pack-x', title: undefined }) },
    ];
    const loaded = validatePack(files, new Set(['coding-lll-pneumonia-effusion']), { taskTypes });
    expect(loaded.map((l) => l.ok)).toEqual([true, false, false]);
    expect(loaded[1]).toMatchObject({ problems: [{ path: 'id', message: expect.stringMatching(/already used/) as unknown }] });
    expect(loaded[2]).toMatchObject({ problems: [{ file: 'coding/03-broken.yaml', path: 'title' }] });
  });
});
