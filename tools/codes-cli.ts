/**
 * `npm run -s codes -- lookup J189 [--date 2026-01-15]`
 * `npm run -s codes -- search "chf acute on chronic" [--date ...] [--kind dx|pcs] [--limit 10]`
 * `npm run -s codes -- notes I10` (tabular instructional notes, FY2023 edition)
 * `npm run -s codes -- pcs 0DTJ4ZZ` (character-by-character meaning of a PCS code)
 *
 * Reads the compiled files in public/codesets (no network, no ../shared). Used by instructors to
 * check answer keys.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FY2026_END, FY2026_START } from '../src/codesets/codeset.ts';
import { lookupCode, type LookupResult } from '../src/codesets/lookup.ts';
import { notesForCode, requiredPartners } from '../src/codesets/notes.ts';
import { pcsCharacterMeanings } from '../src/codesets/pcs.ts';
import { addInclusionTerms, buildSearchIndex, searchCodes } from '../src/codesets/search.ts';
import { loadMceTables } from '../src/domain/mce/index.ts';
import { mceEditFlags } from '../src/codesets/mceFlags.ts';
import { readMceFiles, sharedNodeLoader } from './codesets/node-loader.ts';

export const USAGE = `usage:
  codes lookup <code> [--date YYYY-MM-DD]
  codes search "<words or code prefix>" [--date YYYY-MM-DD] [--kind dx|pcs|all] [--limit N]
  codes notes <icd-10-cm code>
  codes pcs <icd-10-pcs code> [--date YYYY-MM-DD]`;

/** Default discharge date: today, kept inside FY2026 (the only code-set year compiled). */
function defaultDate(): string {
  const today = new Date().toISOString().slice(0, 10);
  if (today < FY2026_START) return FY2026_START;
  if (today > FY2026_END) return FY2026_END;
  return today;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith('--')) i++;
    else out.push(args[i]!);
  }
  return out;
}

export function formatLookup(r: LookupResult, date: string): string {
  const lines: string[] = [];
  if (r.display) {
    const flags: string[] = [r.status === 'reportable' ? 'reportable' : r.status === 'header' ? 'header (not reportable)' : r.status];
    if (r.kind) flags.push(r.kind === 'dx' ? 'ICD-10-CM' : 'ICD-10-PCS');
    if (r.poaExempt !== undefined) flags.push(r.poaExempt ? 'POA exempt' : 'POA required');
    if (r.validFrom) flags.push(`valid from ${r.validFrom}`);
    if (r.validThrough) flags.push(`valid through ${r.validThrough}`);
    lines.push(`${r.display}  ${r.title ?? ''}`);
    if (r.shortTitle && r.shortTitle !== r.title) lines.push(`  short: ${r.shortTitle}`);
    lines.push(`  ${flags.join(' | ')}`);
  }
  for (const f of r.editFlags ?? []) lines.push(`  flag: ${f.label}`);
  for (const h of r.hints) lines.push(`  hint: ${h.message}`);
  for (const m of r.messages) lines.push(`  ${m}`);
  lines.push(`  (discharge date ${date})`);
  return lines.join('\n');
}

/** Runs one CLI command and returns its output and exit code (exported for the test). */
export async function runCli(argv: string[]): Promise<{ out: string; code: number }> {
  const [command, ...rest] = argv;
  const args = positional(rest);
  const date = option(rest, '--date') ?? defaultDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { out: `bad --date ${date}\n${USAGE}`, code: 2 };
  const loader = sharedNodeLoader();
  if (command === 'lookup' && args.length > 0) {
    const base = await loader.codeSets({ shortTitles: true });
    // MCE flags come from the grouper module's compiled tables; lookups still work without them.
    const editFlags = await readMceFiles()
      .then((f) => mceEditFlags(loadMceTables(f)))
      .catch(() => undefined);
    const sets = editFlags ? { ...base, editFlags } : base;
    const outs = args.map((a) => formatLookup(lookupCode(sets, a, date), date));
    return { out: outs.join('\n\n'), code: 0 };
  }
  if (command === 'search' && args.length > 0) {
    const [cm, pcs, defaults, inclusion] = await Promise.all([loader.cmLean(), loader.pcs(), loader.text('cmIndexDefaults'), loader.text('cmInclusionTerms')]);
    const index = buildSearchIndex({ cm, pcs, indexDefaultsTsv: defaults });
    addInclusionTerms(index, inclusion);
    const kind = (option(rest, '--kind') ?? 'all') as 'dx' | 'pcs' | 'all';
    const limit = Number(option(rest, '--limit') ?? '10');
    const r = searchCodes(index, args.join(' '), { dischargeDate: date, kind, limit });
    const lines: string[] = [];
    if (r.expansions.length > 0) lines.push(`(expanded: ${r.expansions.map((e) => `${e.abbreviation} = ${e.meaning}`).join('; ')})`);
    if (r.mode === 'or') lines.push('(no title has every word; showing titles with some of them)');
    for (const h of r.hits) {
      const tag = h.reportable ? 'reportable' : h.inEffect ? 'header' : 'not in effect';
      lines.push(`${h.display.padEnd(9)} ${tag.padEnd(10)} ${h.title}${h.via ? `   [${h.via}]` : ''}`);
    }
    lines.push(`${r.total}${r.more ? '+' : ''} match(es); discharge date ${date}`);
    return { out: lines.join('\n'), code: r.hits.length > 0 ? 0 : 1 };
  }
  if (command === 'notes' && args.length > 0) {
    const [sets, tabular] = await Promise.all([loader.codeSets(), loader.tabular()]);
    const lines: string[] = [];
    for (const a of args) {
      const r = lookupCode(sets, a, date);
      if (!r.code || r.kind !== 'dx') {
        lines.push(formatLookup(r, date));
        continue;
      }
      const notes = notesForCode(tabular, sets.cm, r.code);
      lines.push(`${r.display}  ${r.title ?? ''}`);
      if (notes.remark) lines.push(`  note: ${notes.remark}`);
      for (const n of notes.notes) lines.push(`  [${n.edition}] ${n.label} (at ${n.levelLabel}): ${n.texts.join(' | ')}`);
      const partners = requiredPartners(tabular, sets.cm, r.code);
      for (const p of partners) lines.push(`  partner: ${p.kind} ${p.references.map((x) => x.display).join(', ')}  <- ${p.text}`);
    }
    return { out: lines.join('\n'), code: 0 };
  }
  if (command === 'pcs' && args.length > 0) {
    const [sets, tables, defs] = await Promise.all([loader.codeSets(), loader.pcsTables(), loader.pcsDefinitions()]);
    const lines: string[] = [];
    for (const a of args) {
      const r = lookupCode(sets, a, date);
      lines.push(formatLookup(r, date));
      if (r.kind === 'pcs' && r.code && r.code.length === 7) {
        for (const c of pcsCharacterMeanings(tables, defs, r.code)) {
          lines.push(`  ${c.position} ${c.axis.padEnd(18)} ${c.value}  ${c.label}${c.definition ? `: ${c.definition}` : ''}`);
        }
      }
    }
    return { out: lines.join('\n'), code: 0 };
  }
  return { out: USAGE, code: 2 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out, code } = await runCli(process.argv.slice(2));
  console.log(out);
  process.exitCode = code;
}
