/**
 * `npm run codesets:build` (first step): compiles the official FY2026 code sets in ../shared/data
 * (see /work/shared/data/SOURCES.md) into the compact, versioned files of public/codesets/fy2026/.
 *
 * Deterministic: the output depends only on the input bytes (no dates, no environment, stable
 * ordering), so tools/codesets/build.test.ts can rebuild into a temp dir and compare byte for byte.
 *
 * Usage: tsx tools/codesets/build.ts [--shared <dir>] [--out <dir>]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CODESET_DIR,
  CODESET_FILES,
  CODESET_FORMAT,
  type CmBlock,
  type CmChapter,
  type CmIndexFile,
  type CmIndexTerm,
  type CmNotes,
  type CmTableFile,
  type CmTableTerm,
  type CmTabularFile,
  type CodesetManifest,
  type PcsAxisValue,
  type PcsDefinitionsFile,
  type PcsIndexFile,
  type PcsIndexReference,
  type PcsIndexTerm,
  type PcsRowAxis,
  type PcsTable,
  type PcsTablesFile,
  type SeventhCharacter,
} from '../../src/codesets/formats.ts';
import { child, elements, ownText, parseXml, textOf, type XmlElement } from './xml.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultSharedDir = (): string => process.env.HIM_SHARED_DIR ?? resolve(repoRoot, '../shared');
export const defaultOutDir = (): string => join(repoRoot, 'public', 'codesets', CODESET_DIR);

/** Date the April 2026 PCS update (MS-DRG v43.1) takes effect. */
const APRIL_2026 = '2026-04-01';
const OCTOBER_2025 = '2025-10-01';

interface OrderLine {
  code: string;
  valid: boolean;
  short: string;
  long: string;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.length > 0);
}

/** CMS/NCHS order-file layout: 1-5 order, 7-13 code, 15 flag, 17-76 short, 78- long. */
function parseOrderFile(text: string): OrderLine[] {
  return lines(text).map((line, i) => {
    const code = line.slice(6, 13).trim();
    const flag = line.charAt(14);
    if (!/^[0-9A-Z]{3,7}$/.test(code) || (flag !== '0' && flag !== '1')) throw new Error(`order file line ${i + 1}: ${line}`);
    return { code, valid: flag === '1', short: line.slice(16, 76).trim(), long: line.slice(77).trim() };
  });
}

function tsvField(s: string): string {
  if (/[\t\n\r]/.test(s)) throw new Error(`tab or newline in field: ${JSON.stringify(s)}`);
  return s;
}

// ---------------------------------------------------------------- ICD-10-CM tabular (FY2023 notes)

const NOTE_KINDS = [
  'notes',
  'includes',
  'inclusionTerm',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'sevenChrNote',
] as const;

function notesOf(el: XmlElement): CmNotes | undefined {
  const out: CmNotes = {};
  let any = false;
  for (const kind of NOTE_KINDS) {
    const texts: string[] = [];
    for (const e of elements(el, kind)) for (const n of elements(e, 'note')) texts.push(textOf(n));
    if (texts.length > 0) {
      out[kind] = texts;
      any = true;
    }
  }
  const def = child(el, 'sevenChrDef');
  if (def) {
    const chars: SeventhCharacter[] = [];
    for (const c of elements(def)) {
      if (c.name === 'extension') chars.push({ char: c.attrs.char ?? '', text: textOf(c) });
      else if (c.name === 'note' && chars.length > 0) {
        const last = chars[chars.length - 1]!;
        last.note = last.note ? `${last.note}; ${textOf(c)}` : textOf(c);
      }
    }
    out.sevenChrDef = chars;
    any = true;
  }
  return any ? out : undefined;
}

function buildCmTabular(xml: string, known: string[]): CmTabularFile {
  const root = parseXml(xml);
  const knownSet = new Set(known);
  const version = textOf(child(root, 'version'));
  const chapters: CmChapter[] = [];
  const notes: Record<string, CmNotes> = {};
  // Codes this edition covers: its diag nodes plus leaves extended by an inherited 7th character.
  const covered = new Set<string>();
  const walkDiag = (diag: XmlElement, inheritedSeventh: string[]): void => {
    const code = textOf(child(diag, 'name')).replace('.', '');
    if (!knownSet.has(code)) throw new Error(`tabular code ${code} is not in the FY2026 order file`);
    covered.add(code);
    const n = notesOf(diag);
    if (n) notes[code] = n;
    const seventh = n?.sevenChrDef ? n.sevenChrDef.map((d) => d.char) : inheritedSeventh;
    const subs = elements(diag, 'diag');
    if (subs.length === 0) for (const ch of seventh) covered.add(code.padEnd(6, 'X') + ch);
    for (const d of subs) walkDiag(d, seventh);
  };
  for (const ch of elements(root, 'chapter')) {
    const blocks: CmBlock[] = [];
    for (const sec of elements(ch, 'section')) {
      const id = sec.attrs.id ?? '';
      const [first, last] = id.split('-');
      const block: CmBlock = { id, title: textOf(child(sec, 'desc')), first: first ?? id, last: last ?? first ?? id };
      const n = notesOf(sec);
      if (n) block.notes = n;
      blocks.push(block);
      for (const d of elements(sec, 'diag')) walkDiag(d, []);
    }
    const chapter: CmChapter = {
      number: textOf(child(ch, 'name')),
      title: textOf(child(ch, 'desc')),
      first: blocks[0]?.first ?? '',
      last: blocks[blocks.length - 1]?.last ?? '',
      blocks,
    };
    const n = notesOf(ch);
    if (n) chapter.notes = n;
    chapters.push(chapter);
  }
  const newerThanEdition = [...known].filter((c) => !covered.has(c));
  return { edition: `FY${version}`, chapters, notes, newerThanEdition };
}

// ---------------------------------------------------------------- ICD-10-CM indexes and tables

function singleText(el: XmlElement, name: string, where: string): string | undefined {
  const found = elements(el, name);
  if (found.length > 1) throw new Error(`${where}: more than one <${name}>`);
  return found.length === 1 ? textOf(found[0]) : undefined;
}

function titleParts(el: XmlElement): { title: string; nemod?: string } {
  const t = child(el, 'title');
  const title = ownText(t);
  const nemod = t ? textOf(child(t, 'nemod')) : '';
  return nemod ? { title, nemod } : { title };
}

function buildCmIndexTerm(el: XmlElement): CmIndexTerm {
  const term: CmIndexTerm = titleParts(el);
  const where = term.title;
  for (const key of ['code', 'manif', 'subcat', 'seecat', 'see', 'seeAlso'] as const) {
    const v = singleText(el, key, where);
    if (v !== undefined) term[key] = v;
  }
  const subs = elements(el, 'term').map(buildCmIndexTerm);
  if (subs.length > 0) term.terms = subs;
  return term;
}

function buildCmIndex(xml: string): CmIndexFile {
  const root = parseXml(xml);
  return {
    edition: `FY${textOf(child(root, 'version'))}`,
    title: textOf(child(root, 'title')),
    letters: elements(root, 'letter').map((l) => ({
      letter: textOf(child(l, 'title')),
      terms: elements(l, 'mainTerm').map(buildCmIndexTerm),
    })),
  };
}

function buildCmTable(xml: string, title: string): CmTableFile {
  const root = parseXml(xml);
  const heads = elements(child(root, 'indexHeading')!, 'head');
  const columns = heads.filter((h) => h.attrs.col !== '1').map((h) => textOf(h));
  const toTerm = (el: XmlElement): CmTableTerm => {
    const term: CmTableTerm = titleParts(el);
    const cells = elements(el, 'cell');
    if (cells.length > 0) {
      const row = columns.map(() => '');
      for (const c of cells) row[Number(c.attrs.col) - 2] = textOf(c);
      term.cells = row;
    }
    for (const key of ['see', 'seeAlso'] as const) {
      const v = singleText(el, key, term.title);
      if (v !== undefined) term[key] = v;
    }
    const subs = elements(el, 'term').map(toTerm);
    if (subs.length > 0) term.terms = subs;
    return term;
  };
  const terms: CmTableTerm[] = [];
  for (const l of elements(root, 'letter')) for (const m of elements(l, 'mainTerm')) terms.push(toTerm(m));
  return { edition: `FY${textOf(child(root, 'version'))}`, title, columns, terms };
}

// ---------------------------------------------------------------- ICD-10-PCS

function axisValues(axis: XmlElement): PcsAxisValue[] {
  return elements(axis, 'label').map((l) => ({ code: l.attrs.code ?? '', label: textOf(l) }));
}

/**
 * Labels of the tables named in tables_addenda_2026.txt ("... is value X: Label"), used to label
 * characters of the April 2026 codes that the October 2025 tables XML does not contain.
 */
function parseTablesAddenda(text: string): Map<string, Map<number, Map<string, string>>> {
  const ordinals = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh'];
  const out = new Map<string, Map<number, Map<string, string>>>();
  let table = '';
  let pos = 0;
  for (const raw of lines(text)) {
    const line = raw.trimEnd();
    const t = /table (\S) (\S) (\S)$/.exec(line);
    if (t && /^\S/.test(line)) {
      table = `${t[1]}${t[2]}${t[3]}`;
      continue;
    }
    const c = /^\s+(\w+) character \([^)]*\) (?:is value (\S): (.*)|has \d+ choices\.)$/.exec(line);
    if (c) {
      pos = ordinals.indexOf(c[1]!) + 1;
      if (c[2] !== undefined) addLabel(out, table, pos, c[2], c[3]!);
      continue;
    }
    const v = /^\s+\w+ choice is value (\S): (.*)$/.exec(line);
    if (v && table && pos > 0) addLabel(out, table, pos, v[1]!, v[2]!);
  }
  return out;
}

function addLabel(map: Map<string, Map<number, Map<string, string>>>, table: string, pos: number, code: string, label: string): void {
  let t = map.get(table);
  if (!t) map.set(table, (t = new Map<number, Map<string, string>>()));
  let p = t.get(pos);
  if (!p) t.set(pos, (p = new Map<string, string>()));
  // Position 3 lines read "Insertion: <definition>"; keep the label only.
  p.set(code, pos === 3 ? label.split(':')[0]!.trim() : label.trim());
}

function buildPcsTables(xml: string, additions: OrderLine[], addenda: string): PcsTablesFile {
  const root = parseXml(xml);
  const tables: PcsTable[] = [];
  const enumerated = new Set<string>();
  for (const t of elements(root, 'pcsTable')) {
    const axes = elements(t, 'axis');
    const head = (pos: number): { title: string; value: PcsAxisValue; definition?: string } => {
      const a = axes.find((x) => x.attrs.pos === String(pos));
      if (!a) throw new Error(`table without axis ${pos}`);
      const values = axisValues(a);
      if (values.length !== 1) throw new Error(`table axis ${pos} with ${values.length} values`);
      const def = textOf(child(a, 'definition'));
      return def ? { title: textOf(child(a, 'title')), value: values[0]!, definition: def } : { title: textOf(child(a, 'title')), value: values[0]! };
    };
    const section = head(1);
    const bodySystem = head(2);
    const operation = head(3);
    const code = section.value.code + bodySystem.value.code + operation.value.code;
    const rows = elements(t, 'pcsRow').map((r) => {
      const rowAxes: PcsRowAxis[] = elements(r, 'axis').map((a) => ({
        pos: Number(a.attrs.pos),
        title: textOf(child(a, 'title')),
        values: axisValues(a),
      }));
      const product = rowAxes.reduce((n, a) => n * a.values.length, 1);
      if (String(product) !== r.attrs.codes) throw new Error(`table ${code}: row codes=${r.attrs.codes} but product ${product}`);
      const [a4, a5, a6, a7] = rowAxes;
      for (const v4 of a4!.values) for (const v5 of a5!.values) for (const v6 of a6!.values) for (const v7 of a7!.values) enumerated.add(code + v4.code + v5.code + v6.code + v7.code);
      return { axes: rowAxes };
    });
    tables.push({ code, section: { title: section.title, value: section.value }, bodySystem: { title: bodySystem.title, value: bodySystem.value }, operation, rows });
  }
  // April 2026 additions: one row per added code, labelled from the same table's existing values,
  // else from the tables addenda text.
  const addendaLabels = parseTablesAddenda(addenda);
  const byCode = new Map(tables.map((t) => [t.code, t]));
  for (const add of additions) {
    if (enumerated.has(add.code)) throw new Error(`April addition ${add.code} already enumerated by the October tables`);
    const tcode = add.code.slice(0, 3);
    let table = byCode.get(tcode);
    const labelFor = (pos: number, ch: string): string => {
      if (table && pos > 3) {
        for (const r of table.rows) for (const a of r.axes) if (a.pos === pos) for (const v of a.values) if (v.code === ch) return v.label;
      }
      const fromAddenda = addendaLabels.get(tcode)?.get(pos)?.get(ch);
      if (fromAddenda) return fromAddenda;
      throw new Error(`no label for ${add.code} position ${pos} value ${ch}`);
    };
    const sectionTitle = (pos: number, fallback: string): string => {
      for (const t of tables) {
        if (t.code[0] !== tcode[0]) continue;
        if (pos === 4 || pos === 5 || pos === 6 || pos === 7) for (const r of t.rows) for (const a of r.axes) if (a.pos === pos) return a.title;
        if (pos === 1) return t.section.title;
        if (pos === 2) return t.bodySystem.title;
        if (pos === 3) return t.operation.title;
      }
      return fallback;
    };
    if (!table) {
      table = {
        code: tcode,
        section: { title: sectionTitle(1, 'Section'), value: { code: tcode[0]!, label: labelFor(1, tcode[0]!) } },
        bodySystem: { title: sectionTitle(2, 'Body System'), value: { code: tcode[1]!, label: labelFor(2, tcode[1]!) } },
        operation: { title: sectionTitle(3, 'Operation'), value: { code: tcode[2]!, label: labelFor(3, tcode[2]!) } },
        rows: [],
      };
      tables.push(table);
      byCode.set(tcode, table);
    }
    const current = table;
    const axisTitle = (pos: number): string => {
      for (const r of current.rows) for (const a of r.axes) if (a.pos === pos) return a.title;
      return sectionTitle(pos, String(pos));
    };
    const axes: PcsRowAxis[] = [4, 5, 6, 7].map((pos) => ({
      pos,
      title: axisTitle(pos),
      values: [{ code: add.code[pos - 1]!, label: labelFor(pos, add.code[pos - 1]!) }],
    }));
    current.rows.push({ axes, from: APRIL_2026 });
  }
  tables.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { edition: `FY${textOf(child(root, 'version'))} (October 2025 tables XML + April 2026 order-file additions)`, tables };
}

function buildPcsDefinitions(xml: string): PcsDefinitionsFile {
  const root = parseXml(xml);
  const sections = elements(root, 'section').map((s) => ({
    code: s.attrs.code ?? '',
    title: textOf(child(s, 'title')),
    axes: elements(s, 'axis').map((a) => ({
      pos: Number(a.attrs.pos),
      title: textOf(child(a, 'title')),
      terms: elements(a, 'terms').map((t) => {
        const term: PcsDefinitionsFile['sections'][number]['axes'][number]['terms'][number] = {
          titles: elements(t, 'title').map((x) => textOf(x)),
        };
        const def = textOf(child(t, 'definition'));
        if (def) term.definition = def;
        const exp = textOf(child(t, 'explanation'));
        if (exp) term.explanation = exp;
        const inc = elements(t, 'includes').map((x) => textOf(x));
        if (inc.length > 0) term.includes = inc;
        return term;
      }),
    })),
  }));
  const agg = child(root, 'deviceAggregation');
  const deviceAggregation = (agg ? elements(agg, 'aggregate') : []).map((a) => {
    const parent = child(a, 'parent');
    return {
      device: textOf(child(a, 'device')),
      operation: textOf(child(a, 'operation')),
      bodySystems: elements(a, 'bodySys').map((b) => textOf(b)),
      parent: { code: parent?.attrs.value ?? '', label: textOf(parent) },
    };
  });
  return { edition: `FY${textOf(child(root, 'version'))}`, sections, deviceAggregation };
}

function buildPcsIndexTerm(el: XmlElement): PcsIndexTerm {
  const term: PcsIndexTerm = { title: textOf(child(el, 'title')) };
  for (const key of ['code', 'codes', 'tab'] as const) {
    const v = singleText(el, key, term.title);
    if (v !== undefined) term[key] = v;
  }
  const use = elements(el, 'use').map((u) => textOf(u));
  if (use.length > 0) term.use = use;
  const see = elements(el, 'see').map((s) => {
    const ref: PcsIndexReference = { text: ownText(s) };
    const codes = textOf(child(s, 'codes'));
    if (codes) ref.codes = codes;
    const tab = textOf(child(s, 'tab'));
    if (tab) ref.tab = tab;
    return ref;
  });
  if (see.length > 0) term.see = see;
  const subs = elements(el, 'term').map(buildPcsIndexTerm);
  if (subs.length > 0) term.terms = subs;
  return term;
}

function buildPcsIndex(xml: string): PcsIndexFile {
  const root = parseXml(xml);
  return {
    edition: `FY${textOf(child(root, 'version'))}`,
    letters: elements(root, 'letter').map((l) => ({ letter: textOf(child(l, 'title')), terms: elements(l, 'mainTerm').map(buildPcsIndexTerm) })),
  };
}

// ---------------------------------------------------------------- main

export interface BuildResult {
  outDir: string;
  files: Record<string, { bytes: number; sha256: string }>;
  counts: Record<string, number>;
}

/** Compiles every code-set file from `sharedDir` (the /work/shared layout) into `outDir`. */
export function buildCodesets(sharedDir: string, outDir: string): BuildResult {
  const data = join(sharedDir, 'data');
  const outputs = new Map<string, string>();
  const counts: Record<string, number> = {};
  const sources: Record<string, string> = {};
  const src = (rel: string): string => {
    const buf = readFileSync(join(data, rel));
    sources[rel] = createHash('sha256').update(buf).digest('hex');
    return buf.toString('utf8');
  };

  // ICD-10-CM FY2026 order file
  const cm = parseOrderFile(src('icd10cm/icd10cm_order_2026.txt'));
  counts.cmValid = cm.filter((l) => l.valid).length;
  counts.cmHeaders = cm.length - counts.cmValid;
  outputs.set(CODESET_FILES.cmCodes, cm.map((l) => `${l.code}\t${l.valid ? 1 : 0}\t${tsvField(l.long)}\n`).join(''));
  outputs.set(CODESET_FILES.cmShortTitles, cm.filter((l) => l.short !== l.long).map((l) => `${l.code}\t${tsvField(l.short)}\n`).join(''));
  const cmKnown = new Set(cm.map((l) => l.code));

  // FY2026 CM addenda: adds / deletes of codes (revisions are title-only and already in the order file).
  const cmChanges: string[] = [];
  for (const line of lines(src('icd10cm/icd10cm_order_addenda_2026.txt'))) {
    const m = /^(Add|Delete):\s+([01]) (\S+)/.exec(line);
    if (!m) continue;
    cmChanges.push(`${m[1]!.toLowerCase()}\t${m[2]}\t${m[3]}\t${tsvField(line.slice(84).trim())}\n`);
  }
  counts.cmChanges = cmChanges.length;
  outputs.set(CODESET_FILES.cmChanges, cmChanges.join(''));

  // ICD-10-PCS FY2026 April 2026 order file + October -> April changes
  const pcs = parseOrderFile(src('icd10pcs/icd10pcs_order_2026.txt'));
  counts.pcsValidApril2026 = pcs.filter((l) => l.valid).length;
  counts.pcsHeaders = pcs.length - counts.pcsValidApril2026;
  outputs.set(CODESET_FILES.pcsCodes, pcs.map((l) => `${l.code}\t${l.valid ? 1 : 0}\t${tsvField(l.long)}\n`).join(''));
  outputs.set(CODESET_FILES.pcsShortTitles, pcs.filter((l) => l.short !== l.long).map((l) => `${l.code}\t${tsvField(l.short)}\n`).join(''));
  const pcsChanges: string[] = [];
  const pcsAdditions: OrderLine[] = [];
  for (const line of lines(src('icd10pcs/order_addenda_2026.txt'))) {
    const m = /^(Add|Delete|Revise from):\s+(\S+)/.exec(line);
    if (!m) continue;
    const entry: OrderLine = { code: m[2]!, valid: m[2]!.length === 7, short: line.slice(21, 81).trim(), long: line.slice(82).trim() };
    if (m[1] === 'Add') {
      pcsChanges.push(`add\t${entry.code}\t${APRIL_2026}\t${tsvField(entry.long)}\n`);
      if (entry.valid) pcsAdditions.push(entry);
    } else if (m[1] === 'Delete') pcsChanges.push(`delete\t${entry.code}\t${APRIL_2026}\t${tsvField(entry.long)}\n`);
    // The October short title, replaced in April (the long title did not change).
    else pcsChanges.push(`revise\t${entry.code}\t${APRIL_2026}\t${tsvField(entry.short)}\n`);
  }
  counts.pcsAdditions = pcsAdditions.length;
  counts.pcsDeletions = pcsChanges.filter((l) => l.startsWith('delete')).length;
  counts.pcsValidOctober2025 = counts.pcsValidApril2026 - counts.pcsAdditions + counts.pcsDeletions;
  outputs.set(CODESET_FILES.pcsChanges, pcsChanges.join(''));

  // POA exempt (FY2026)
  const poa = lines(src('poa/POAexemptCodesFY26.txt'))
    .slice(1)
    .map((l) => l.split('\t')[1]!.replace('.', '').trim());
  for (const c of poa) if (!cmKnown.has(c)) throw new Error(`POA-exempt code ${c} not in order file`);
  counts.poaExempt = poa.length;
  outputs.set(CODESET_FILES.poaExempt, poa.map((c) => `${c}\n`).join(''));

  // CM tabular notes (FY2023), indexes and tables
  const tabular = buildCmTabular(src('icd10cm/icd10cm_tabular_2023.xml'), cm.map((l) => l.code));
  const cmValidSet = new Set(cm.filter((l) => l.valid).map((l) => l.code));
  counts.cmValidNewerThanNotesEdition = tabular.newerThanEdition.filter((c) => cmValidSet.has(c)).length;
  counts.cmNotedCodes = Object.keys(tabular.notes).length;
  outputs.set(CODESET_FILES.cmTabular, JSON.stringify(tabular));
  const inclusion: string[] = [];
  for (const [code, n] of Object.entries(tabular.notes)) for (const t of n.inclusionTerm ?? []) inclusion.push(`${code}\t${tsvField(t)}\n`);
  counts.cmInclusionTerms = inclusion.length;
  outputs.set(CODESET_FILES.cmInclusionTerms, inclusion.join(''));
  const cmIndex = buildCmIndex(src('icd10cm/icd10cm_index_2023.xml'));
  counts.cmIndexMainTerms = cmIndex.letters.reduce((n, l) => n + l.terms.length, 0);
  outputs.set(CODESET_FILES.cmIndex, JSON.stringify(cmIndex));
  const defaults: string[] = [];
  for (const l of cmIndex.letters) for (const t of l.terms) if (t.code) defaults.push(`${tsvField(t.title)}\t${t.code}\n`);
  counts.cmIndexDefaults = defaults.length;
  outputs.set(CODESET_FILES.cmIndexDefaults, defaults.join(''));
  const eindex = buildCmIndex(src('icd10cm/icd-10-cm-eindex-2025.xml'));
  counts.cmEindexMainTerms = eindex.letters.reduce((n, l) => n + l.terms.length, 0);
  outputs.set(CODESET_FILES.cmEindex, JSON.stringify(eindex));
  const neoplasm = buildCmTable(src('icd10cm/icd-10-cm-neoplasm-2025.xml'), 'Table of Neoplasms');
  outputs.set(CODESET_FILES.cmNeoplasm, JSON.stringify(neoplasm));
  const drug = buildCmTable(src('icd10cm/icd-10-cm-drug-2025.xml'), 'Table of Drugs and Chemicals');
  counts.cmDrugMainTerms = drug.terms.length;
  outputs.set(CODESET_FILES.cmDrug, JSON.stringify(drug));

  // PCS tables, definitions, index
  const tables = buildPcsTables(src('icd10pcs/icd10pcs_tables_2026.xml'), pcsAdditions, src('icd10pcs/tables_addenda_2026.txt'));
  counts.pcsTables = tables.tables.length;
  outputs.set(CODESET_FILES.pcsTables, JSON.stringify(tables));
  outputs.set(CODESET_FILES.pcsDefinitions, JSON.stringify(buildPcsDefinitions(src('icd10pcs/icd10pcs_definitions_2026.xml'))));
  const pcsIndex = buildPcsIndex(src('icd10pcs/icd10pcs_index_2025.xml'));
  counts.pcsIndexMainTerms = pcsIndex.letters.reduce((n, l) => n + l.terms.length, 0);
  outputs.set(CODESET_FILES.pcsIndex, JSON.stringify(pcsIndex));

  mkdirSync(outDir, { recursive: true });
  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const [name, text] of outputs) {
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(outDir, name), buf);
    files[name] = { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
  }
  const manifest: CodesetManifest = {
    format: CODESET_FORMAT,
    codeSet: 'ICD-10-CM/PCS FY2026',
    periods: [
      { id: '2025-10', from: OCTOBER_2025, through: '2026-03-31', label: 'FY2026 (October 1, 2025)' },
      { id: '2026-04', from: APRIL_2026, through: '2026-09-30', label: 'FY2026 April 1, 2026 update' },
    ],
    editions: {
      cmCodes: 'ICD-10-CM FY2026 order file (valid 2025-10-01 through 2026-09-30)',
      pcsCodes: 'ICD-10-PCS FY2026 April 1, 2026 order file; October 2025 set derived via pcs-changes',
      poaExempt: 'POA-exempt list FY2026',
      cmTabular: `ICD-10-CM tabular instructional notes ${tabular.edition} (latest obtainable edition)`,
      cmIndex: `ICD-10-CM alphabetic index ${cmIndex.edition}`,
      cmEindex: `ICD-10-CM external cause index ${eindex.edition}`,
      cmNeoplasm: `ICD-10-CM neoplasm table ${neoplasm.edition}`,
      cmDrug: `ICD-10-CM table of drugs and chemicals ${drug.edition}`,
      pcsTables: `ICD-10-PCS tables ${tables.edition}`,
      pcsDefinitions: 'ICD-10-PCS definitions FY2026 (October 2025)',
      pcsIndex: `ICD-10-PCS index ${pcsIndex.edition}`,
    },
    counts,
    sources,
    files,
  };
  writeFileSync(join(outDir, CODESET_FILES.manifest), `${JSON.stringify(manifest, null, 1)}\n`);
  return { outDir, files, counts };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shared = argValue('--shared') ?? defaultSharedDir();
  const out = argValue('--out') ?? defaultOutDir();
  const started = performance.now();
  const result = buildCodesets(shared, out);
  for (const [name, f] of Object.entries(result.files)) console.log(`${name.padEnd(24)} ${String(f.bytes).padStart(10)} bytes`);
  console.log(JSON.stringify(result.counts));
  console.log(`codesets: wrote ${Object.keys(result.files).length + 1} files to ${out} in ${Math.round(performance.now() - started)} ms`);
}

