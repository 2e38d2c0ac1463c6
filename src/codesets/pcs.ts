/**
 * ICD-10-PCS helpers: what each character of a code means (label and definition), and the table
 * builder coders use (section -> body system -> root operation -> body part -> approach -> device ->
 * qualifier), offering only values that lead to codes valid on the discharge date.
 */
import { isInEffect, type CodeSet } from './codeset.ts';
import type { PcsDefinitionTerm, PcsDefinitionsFile, PcsTable, PcsTablesFile } from './formats.ts';

export interface PcsCharacterMeaning {
  /** 1..7 */
  position: number;
  /** Axis name for this section ("Section", "Body System", "Operation", "Body Part", "Approach", ...). */
  axis: string;
  value: string;
  label: string;
  definition?: string;
  explanation?: string;
  /** Terms the value includes (body part key, device key, e.g. "Hallux" under "1st Toe, Right"). */
  includes?: string[];
}

let tableCache: { file: PcsTablesFile; map: Map<string, PcsTable> } | undefined;
function tableMap(file: PcsTablesFile): Map<string, PcsTable> {
  if (tableCache?.file !== file) tableCache = { file, map: new Map(file.tables.map((t) => [t.code, t])) };
  return tableCache.map;
}

/** The PCS table for the first three characters. */
export function pcsTable(tables: PcsTablesFile, code: string): PcsTable | undefined {
  return tableMap(tables).get(code.slice(0, 3).toUpperCase());
}

function findDefinition(defs: PcsDefinitionsFile | undefined, section: string, pos: number, label: string): PcsDefinitionTerm | undefined {
  const sec = defs?.sections.find((s) => s.code === section);
  const axis = sec?.axes.find((a) => a.pos === pos);
  const wanted = label.toLowerCase();
  return axis?.terms.find((t) => t.titles.some((x) => x.toLowerCase() === wanted));
}

function labelInTable(table: PcsTable, code: string, pos: number): { title: string; label: string } | undefined {
  // Prefer the row that generates the whole code; any row with the value otherwise.
  const tail = code.slice(3);
  for (const row of table.rows) {
    const fits = row.axes.every((a) => a.values.some((v) => v.code === tail[a.pos - 4]));
    if (!fits) continue;
    const axis = row.axes.find((a) => a.pos === pos);
    const v = axis?.values.find((x) => x.code === code[pos - 1]);
    if (axis && v) return { title: axis.title, label: v.label };
  }
  for (const row of table.rows) {
    const axis = row.axes.find((a) => a.pos === pos);
    const v = axis?.values.find((x) => x.code === code[pos - 1]);
    if (axis && v) return { title: axis.title, label: v.label };
  }
  return undefined;
}

/**
 * Meaning of each character of an ICD-10-PCS code (ICD-10-PCS Official Guidelines A.2-A.4: each
 * character is an axis of classification with a value; definitions from the CMS PCS definitions
 * file, root-operation definition from the table). Works for partial codes (1-7 characters).
 */
export function pcsCharacterMeanings(tables: PcsTablesFile, defs: PcsDefinitionsFile | undefined, code: string): PcsCharacterMeaning[] {
  const c = code.toUpperCase();
  const table = pcsTable(tables, c);
  if (!table) return [];
  const out: PcsCharacterMeaning[] = [];
  const heads = [table.section, table.bodySystem, table.operation];
  for (let pos = 1; pos <= Math.min(7, c.length); pos++) {
    let axis: string;
    let label: string;
    if (pos <= 3) {
      axis = heads[pos - 1]!.title;
      label = heads[pos - 1]!.value.label;
    } else {
      const found = labelInTable(table, c, pos);
      if (!found) break;
      axis = found.title;
      label = found.label;
    }
    const meaning: PcsCharacterMeaning = { position: pos, axis, value: c[pos - 1]!, label };
    const def = pos >= 3 ? findDefinition(defs, c[0]!, pos, label) : undefined;
    const definition = pos === 3 ? (table.operation.definition ?? def?.definition) : def?.definition;
    if (definition) meaning.definition = definition;
    if (def?.explanation) meaning.explanation = def.explanation;
    if (def?.includes) meaning.includes = def.includes;
    out.push(meaning);
  }
  return out;
}

export interface PcsBuilderOption {
  value: string;
  label: string;
  definition?: string;
  /** Number of valid codes on the discharge date under prefix + value. */
  codes: number;
}

export interface PcsBuilderStep {
  /** 1-based position being chosen. */
  position: number;
  axis: string;
  options: PcsBuilderOption[];
}

export interface PcsBuilder {
  /** Options for the next character after `prefix` (0-6 characters); null once the code is complete. */
  next(prefix: string, dischargeDate: string): PcsBuilderStep | null;
  /** Valid codes on the date under a prefix (sorted). */
  codesUnder(prefix: string, dischargeDate: string): string[];
}

function lowerBound(sorted: string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Table builder over the valid codes of a date (October 2025 set, or the April 2026 set with its
 * 80 additions and 2 deletions): only values that lead to a valid code are offered (ICD-10-PCS
 * Official Guidelines A.6: a code is valid only as a combination in a table row).
 */
export function createPcsBuilder(pcs: CodeSet, tables: PcsTablesFile, defs?: PcsDefinitionsFile): PcsBuilder {
  const byDate = new Map<string, string[]>();
  const validOn = (date: string): string[] => {
    const key = date >= '2026-04-01' ? 'apr' : 'oct';
    let list = byDate.get(key);
    if (!list) {
      list = pcs.records.filter((r) => r.valid && r.code.length === 7 && isInEffect(r, key === 'apr' ? '2026-04-01' : '2025-10-01')).map((r) => r.code);
      list.sort();
      byDate.set(key, list);
    }
    return list;
  };
  const codesUnder = (prefix: string, date: string): string[] => {
    const list = validOn(date);
    const out: string[] = [];
    for (let i = lowerBound(list, prefix); i < list.length && list[i]!.startsWith(prefix); i++) out.push(list[i]!);
    return out;
  };
  const sectionLabel = (value: string, pos: number): { axis: string; label: string } => {
    for (const t of tables.tables) {
      if (pos === 1 && t.code[0] === value) return { axis: t.section.title, label: t.section.value.label };
    }
    return { axis: pos === 1 ? 'Section' : 'Body System', label: value };
  };
  return {
    codesUnder,
    next(prefix, date) {
      const p = prefix.toUpperCase();
      if (p.length >= 7) return null;
      const under = codesUnder(p, date);
      const counts = new Map<string, number>();
      for (const c of under) counts.set(c[p.length]!, (counts.get(c[p.length]!) ?? 0) + 1);
      const position = p.length + 1;
      let axis = '';
      const options: PcsBuilderOption[] = [];
      for (const [value, n] of counts) {
        let label = value;
        let definition: string | undefined;
        if (position === 1) {
          const s = sectionLabel(value, 1);
          axis = s.axis;
          label = s.label;
        } else if (position === 2) {
          const t = tables.tables.find((x) => x.code.startsWith(p + value));
          axis = t?.bodySystem.title ?? 'Body System';
          label = t?.bodySystem.value.label ?? value;
        } else {
          const sample = under.find((c) => c[p.length] === value)!;
          const meaning = pcsCharacterMeanings(tables, defs, sample.slice(0, position)).find((m) => m.position === position);
          if (meaning) {
            axis = meaning.axis;
            label = meaning.label;
            definition = meaning.definition;
          }
        }
        options.push(definition ? { value, label, definition, codes: n } : { value, label, codes: n });
      }
      options.sort((a, b) => (a.value < b.value ? -1 : 1));
      return { position, axis, options };
    },
  };
}
