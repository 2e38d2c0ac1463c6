import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTables, sharedDir, writeTables } from './build-tables';

const committed = resolve(import.meta.dirname, '../../public/grouper');
const shared = sharedDir();
const hasShared = existsSync(join(shared, 'data/msdrg/v43.0')) && existsSync(join(shared, 'data/mce/fy2026_oct2025'));
if (!hasShared) console.log(`build-tables.test: skipped: ../shared not present (looked in ${shared}; set HIM_SHARED_DIR)`);

describe.skipIf(!hasShared)('grouper table converter', () => {
  it('rebuilds public/grouper byte for byte from ../shared', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grouper-tables-'));
    try {
      const files = buildTables(shared);
      writeTables(dir, files);
      const built = readdirSync(dir).sort();
      expect(built).toEqual(readdirSync(committed).sort());
      for (const name of built) {
        const a = readFileSync(join(dir, name));
        const b = readFileSync(join(committed, name));
        expect(a.equals(b), `${name} differs from the committed copy: run npm run codesets:build`).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('is deterministic', () => {
    const a = buildTables(shared);
    const b = buildTables(shared);
    for (const [name, text] of a) expect(b.get(name)).toBe(text);
  }, 60_000);
});
