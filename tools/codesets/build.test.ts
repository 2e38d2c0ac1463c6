import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODESET_FILES } from '../../src/codesets/formats.ts';
import { buildCodesets } from './build.ts';
import { compiledDir, hasSharedData, sharedDataDir } from './node-loader.ts';

const hasShared = hasSharedData();
if (!hasShared) console.warn(`skipped: ../shared not present (looked in ${sharedDataDir()}); codesets rebuild test not run`);

describe.skipIf(!hasShared)('codesets build is deterministic (rebuild from ../shared)', () => {
  const out = mkdtempSync(join(tmpdir(), 'codesets-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('rebuilds every committed file byte for byte', () => {
    const result = buildCodesets(sharedDataDir(), out);
    const built = readdirSync(out).sort();
    expect(built).toEqual(Object.values(CODESET_FILES).sort());
    for (const name of built) {
      const a = readFileSync(join(out, name));
      const b = readFileSync(join(compiledDir, name));
      expect(a.equals(b), `${name} differs from the committed public/codesets file: run npm run codesets:build`).toBe(true);
    }
    expect(result.counts.cmValid).toBe(74_719);
  }, 120_000);
});

describe('committed code-set files', () => {
  const manifest = JSON.parse(readFileSync(join(compiledDir, 'manifest.json'), 'utf8')) as { counts: Record<string, number> };
  it('carry the official FY2026 counts', () => {
    expect(manifest.counts).toMatchObject({
      cmValid: 74_719,
      cmHeaders: 23_467,
      pcsValidApril2026: 79_193,
      pcsValidOctober2025: 79_115,
      pcsAdditions: 80,
      pcsDeletions: 2,
      poaExempt: 38_349,
      cmValidNewerThanNotesEdition: 1_176,
    });
  });
  it('count lines that agree with the manifest', () => {
    const cmLines = readFileSync(join(compiledDir, 'cm-codes.tsv'), 'utf8').trimEnd().split('\n');
    expect(cmLines.filter((l) => l.split('\t')[1] === '1')).toHaveLength(74_719);
    expect(cmLines).toHaveLength(74_719 + 23_467);
  });
});
