import { beforeAll, describe, expect, it } from 'vitest';
import { sharedNodeLoader } from '../../tools/codesets/node-loader.ts';
import {
  categoriesOfBlock,
  createIndexFinder,
  createPcsIndexFinder,
  createTableFinder,
  indexCodeTarget,
  pcsIndexTargets,
  resolveCrossReference,
  tableCell,
  tabularPath,
} from './browse.ts';
import type { CodeSet } from './codeset.ts';
import type { CmIndexFile, CmTableFile, CmTabularFile, PcsIndexFile } from './formats.ts';

let tabular: CmTabularFile;
let cm: CodeSet;
let index: CmIndexFile;
let eindex: CmIndexFile;
let drug: CmTableFile;
let neoplasm: CmTableFile;
let pcsIndex: PcsIndexFile;
beforeAll(async () => {
  const l = sharedNodeLoader();
  [tabular, cm, index, eindex, drug, neoplasm, pcsIndex] = await Promise.all([l.tabular(), l.cmLean(), l.cmIndex(), l.eIndex(), l.drugTable(), l.neoplasmTable(), l.pcsIndex()]);
}, 60_000);

describe('tabular hierarchy', () => {
  it('gives chapter -> block -> category -> subcategory -> code', () => {
    const path = tabularPath(tabular, cm, 'S72.001A');
    expect(path.map((p) => p.level)).toEqual(['chapter', 'block', 'category', 'subcategory', 'subcategory', 'subcategory', 'code']);
    expect(path[0]!.label).toMatch(/^Chapter 19: Injury, poisoning/);
    expect(path[1]!.id).toBe('S70-S79');
    const block = tabular.chapters[9]!.blocks.find((b) => b.id === 'J09-J18')!;
    expect(categoriesOfBlock(cm, block).map((r) => r.code)).toContain('J18');
  });
});

describe('alphabetic index', () => {
  it('finds main terms with typos and resolves see references', () => {
    const finder = createIndexFinder(index);
    const hit = finder.find('pneumonia')[0]!;
    expect(hit.path).toEqual(['Pneumonia']);
    expect(hit.term.code).toBe('J18.9');
    expect(finder.find('pnemonia')[0]!.path[0]).toBe('Pneumonia');
    const see = resolveCrossReference(index, 'Pain, abdominal');
    expect(see?.path).toEqual(['Pain', 'abdominal']);
    expect(indexCodeTarget('S72.0-')).toEqual({ code: 'S720', incomplete: true });
  });

  it('searches the external cause index', () => {
    const e = createIndexFinder(eindex).find('fall stairs');
    expect(e.length).toBeGreaterThan(0);
    expect(e.some((x) => x.term.code?.startsWith('W10'))).toBe(true);
  });
});

describe('neoplasm and drug tables', () => {
  it('reads row x column', () => {
    const t = createTableFinder(drug);
    const row = t.find('acetaminophen')[0]!;
    expect(row.path[0]).toBe('Acetaminophen');
    expect(tableCell(drug, row, 'Adverse effect')).toBe('T39.1X5');
    expect(tableCell(drug, row, 0)).toBe('T39.1X1');
    const n = createTableFinder(neoplasm);
    const lung = n.find('lung')[0]!;
    expect(lung.path).toContain('lung');
    expect(tableCell(neoplasm, lung, 'Malignant Primary')).toMatch(/^C34/);
  });
});

describe('PCS index', () => {
  it('leads from a procedure term to a table', () => {
    const f = createPcsIndexFinder(pcsIndex);
    const hit = f.find('appendectomy').find((e) => e.path.length === 1)!;
    expect(hit.path[0]).toBe('Appendectomy');
    const targets = [hit.term, ...(hit.term.terms ?? [])].flatMap(pcsIndexTargets).map((t) => t.prefix);
    expect(targets).toContain('0DTJ');
  });
});
