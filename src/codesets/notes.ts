/**
 * ICD-10-CM tabular instructional notes applied to a code: its own notes plus those of its
 * ancestors, block and chapter (ICD-10-CM Official Guidelines I.A.12: notes at a category or
 * block apply to every code under it), from the FY2023 tabular edition (the latest obtainable).
 * FY2026 titles and validity always come from the FY2026 order file.
 */
import { ancestorsOf, childrenOf, formatCode, type CodeSet } from './codeset.ts';
import type { CmBlock, CmChapter, CmNotes, CmTabularFile, SeventhCharacter } from './formats.ts';

export type NoteKind = Exclude<keyof CmNotes, 'sevenChrDef'>;

export const NOTE_LABELS: Readonly<Record<NoteKind, string>> = {
  notes: 'Note',
  includes: 'Includes',
  inclusionTerm: 'Inclusion terms',
  excludes1: 'Excludes1',
  excludes2: 'Excludes2',
  codeFirst: 'Code first',
  useAdditionalCode: 'Use additional code',
  codeAlso: 'Code also',
  sevenChrNote: '7th character note',
};

/** Guideline section behind each note kind (ICD-10-CM Official Guidelines FY2026, Section I.A). */
export const NOTE_GUIDELINES: Readonly<Record<NoteKind, string>> = {
  notes: 'I.A',
  includes: 'I.A.10',
  inclusionTerm: 'I.A.11',
  excludes1: 'I.A.12.a',
  excludes2: 'I.A.12.b',
  codeFirst: 'I.A.13',
  useAdditionalCode: 'I.A.13',
  codeAlso: 'I.A.17',
  sevenChrNote: 'I.A.5',
};

export interface AppliedNote {
  kind: NoteKind;
  label: string;
  guideline: string;
  texts: string[];
  /** Where the note sits: a code (dotless), a block id ("J09-J18") or "chapter 10". */
  level: string;
  levelLabel: string;
  /** true when the note is inherited from an ancestor, block or chapter. */
  inherited: boolean;
  edition: string;
}

export interface NotesForCode {
  code: string;
  edition: string;
  notes: AppliedNote[];
  /** 7th-character definitions that apply (own or inherited), if any. */
  seventhCharacters?: { definedAt: string; characters: SeventhCharacter[] };
  /** Set when the FY2026 code is newer than the notes edition (notes then come from ancestors only). */
  remark?: string;
}

/** The tabular block and chapter holding an ICD-10-CM category (by the block's code range). */
export function blockAndChapterOf(tabular: CmTabularFile, code: string): { chapter?: CmChapter; block?: CmBlock } {
  const category = code.slice(0, 3);
  for (const chapter of tabular.chapters) {
    for (const block of chapter.blocks) {
      if (category >= block.first && category <= block.last) return { chapter, block };
    }
  }
  // A category newer than the edition that falls between blocks: use the block before it.
  let last: { chapter?: CmChapter; block?: CmBlock } = {};
  for (const chapter of tabular.chapters) for (const block of chapter.blocks) if (block.first <= category) last = { chapter, block };
  return last;
}

let newerCache: { tabular: CmTabularFile; set: Set<string> } | undefined;
function newerThanEdition(tabular: CmTabularFile): Set<string> {
  if (newerCache?.tabular !== tabular) newerCache = { tabular, set: new Set(tabular.newerThanEdition) };
  return newerCache.set;
}

function pushNotes(out: AppliedNote[], notes: CmNotes | undefined, level: string, levelLabel: string, inherited: boolean, edition: string): void {
  if (!notes) return;
  for (const kind of Object.keys(NOTE_LABELS) as NoteKind[]) {
    const texts = notes[kind];
    if (texts && texts.length > 0) out.push({ kind, label: NOTE_LABELS[kind], guideline: NOTE_GUIDELINES[kind], texts, level, levelLabel, inherited, edition });
  }
}

/**
 * Every instructional note that applies to an ICD-10-CM code, nearest level first: own notes,
 * then each ancestor (subcategory, category), then the block and the chapter (Official Guidelines
 * I.A.12-I.A.17). For FY2026 codes newer than the FY2023 notes edition, the notes are inherited
 * from ancestors and a remark says so.
 */
export function notesForCode(tabular: CmTabularFile, cm: CodeSet, code: string): NotesForCode {
  const edition = tabular.edition;
  const out: AppliedNote[] = [];
  const result: NotesForCode = { code, edition, notes: out };
  const levels = [code, ...ancestorsOf(cm, code).map((a) => a.code)];
  for (const level of levels) {
    const own = tabular.notes[level];
    pushNotes(out, own, level, formatCode(level), level !== code, edition);
    if (own?.sevenChrDef && !result.seventhCharacters) result.seventhCharacters = { definedAt: level, characters: own.sevenChrDef };
  }
  const { chapter, block } = blockAndChapterOf(tabular, code);
  if (block) pushNotes(out, block.notes, block.id, `block ${block.id}`, true, edition);
  if (chapter) pushNotes(out, chapter.notes, `chapter ${chapter.number}`, `chapter ${chapter.number}`, true, edition);
  if (newerThanEdition(tabular).has(code)) {
    const nearest = levels.slice(1).find((l) => !newerThanEdition(tabular).has(l));
    result.remark =
      `${formatCode(code)} is newer than the ${edition} tabular edition: the notes shown are inherited from ` +
      `${nearest ? formatCode(nearest) : 'its block and chapter'} (${edition}); notes added for it since ${edition} are not shown.`;
  }
  return result;
}

export interface CodeReference {
  /** Dotless start of the referenced code or range. */
  from: string;
  /** Dotless end of a range ("O10-O11"), else undefined. */
  to?: string;
  /** As written in the note ("O10-O11", "S78.-", "J18.9"). */
  display: string;
}

const REF = /([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(\.?-(?!\s*[A-Z][0-9]))?(?:\s*-\s*([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(\.?-)?)?/g;

/** Code references written in parentheses in a tabular note: "(O10-O11, O13-O16)", "(S78.-)". */
export function parseCodeReferences(text: string): CodeReference[] {
  const out: CodeReference[] = [];
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    for (const m of group[1]!.matchAll(REF)) {
      const from = m[1]!.replace('.', '');
      const to = m[3]?.replace('.', '');
      out.push(to ? { from, to, display: m[0].trim() } : { from, display: m[0].trim() });
    }
  }
  return out;
}

/** True when a dotless code falls under a reference (prefix, "-" wildcard, or range of codes). */
export function referenceMatches(ref: CodeReference, code: string): boolean {
  if (!ref.to) return code.startsWith(ref.from);
  return code.slice(0, ref.from.length) >= ref.from && code.slice(0, ref.to.length) <= ref.to;
}

export interface Excludes1Conflict {
  /** The code whose (own or inherited) Excludes1 note lists the other. */
  code: string;
  excluded: string;
  note: string;
  level: string;
  edition: string;
  guideline: 'I.A.12.a';
}

/**
 * Pairs of codes that an Excludes1 note says should never be reported together (ICD-10-CM
 * Official Guidelines I.A.12.a). The guideline's exception (the two conditions are unrelated)
 * needs clinical judgement, so callers should present these as checks, not automatic errors.
 */
export function excludes1Conflicts(tabular: CmTabularFile, cm: CodeSet, codes: string[]): Excludes1Conflict[] {
  const bare = [...new Set(codes.map((c) => c.replace(/\./g, '').toUpperCase()))];
  const out: Excludes1Conflict[] = [];
  for (const a of bare) {
    const notes = notesForCode(tabular, cm, a).notes.filter((n) => n.kind === 'excludes1');
    for (const n of notes) {
      for (const text of n.texts) {
        const refs = parseCodeReferences(text);
        for (const b of bare) {
          if (b === a) continue;
          if (refs.some((r) => referenceMatches(r, b))) out.push({ code: a, excluded: b, note: text, level: n.level, edition: n.edition, guideline: 'I.A.12.a' });
        }
      }
    }
  }
  return out;
}

export interface RequiredPartner {
  kind: 'useAdditionalCode' | 'codeFirst' | 'codeAlso';
  text: string;
  references: CodeReference[];
  level: string;
  edition: string;
  guideline: string;
}

/**
 * "Use additional code", "Code first" and "Code also" notes that apply to a code, with the code
 * references they name (ICD-10-CM Official Guidelines I.A.13 etiology/manifestation convention,
 * I.A.17 "code also"). `partnerPresent` tells whether a list of codes satisfies one.
 */
export function requiredPartners(tabular: CmTabularFile, cm: CodeSet, code: string): RequiredPartner[] {
  const out: RequiredPartner[] = [];
  for (const n of notesForCode(tabular, cm, code.replace(/\./g, '').toUpperCase()).notes) {
    if (n.kind !== 'useAdditionalCode' && n.kind !== 'codeFirst' && n.kind !== 'codeAlso') continue;
    // Lists are written as a lead-in ("code to identify control using:") followed by items.
    let leadIn = '';
    for (const text of n.texts) {
      if (text.endsWith(':')) {
        leadIn = `${text} `;
        continue;
      }
      out.push({ kind: n.kind, text: leadIn + text, references: parseCodeReferences(text), level: n.level, edition: n.edition, guideline: n.guideline });
    }
  }
  return out;
}

/** True when one of `codes` falls under one of the partner's references. */
export function partnerPresent(partner: RequiredPartner, codes: string[]): boolean {
  const bare = codes.map((c) => c.replace(/\./g, '').toUpperCase());
  return partner.references.some((r) => bare.some((c) => referenceMatches(r, c)));
}

/**
 * Manifestation codes ("in diseases classified elsewhere") may never be principal or first-listed
 * (ICD-10-CM Official Guidelines I.A.13).
 */
export function isManifestationCode(cm: CodeSet, code: string): boolean {
  const rec = cm.byCode.get(code.replace(/\./g, '').toUpperCase());
  return rec !== undefined && /\bin (?:other )?diseases classified elsewhere/i.test(rec.title);
}

export interface SeventhCharacterChoice extends SeventhCharacter {
  /** Complete FY2026 code formed with this character (with X placeholders), dotless. */
  code: string;
  valid: boolean;
}

/**
 * The 7th characters a code takes (Official Guidelines I.A.5; placeholder X per I.A.4): the
 * definitions from the notes edition, each marked valid when the FY2026 order file holds the
 * complete code.
 */
export function seventhCharacterChoices(tabular: CmTabularFile, cm: CodeSet, code: string): SeventhCharacterChoice[] {
  const bare = code.replace(/\./g, '').toUpperCase();
  const stem = bare.length >= 7 ? bare.slice(0, 6) : bare.padEnd(6, 'X');
  const notes = notesForCode(tabular, cm, stem);
  const defs = notes.seventhCharacters?.characters ?? [];
  const choices: SeventhCharacterChoice[] = defs.map((d) => ({ ...d, code: stem + d.char, valid: cm.byCode.get(stem + d.char)?.valid ?? false }));
  // FY2026 may carry 7th characters the older edition does not define (children of the stem).
  for (const rec of childrenOf(cm, stem)) {
    if (rec.code.length === 7 && !choices.some((c) => c.code === rec.code)) {
      choices.push({ char: rec.code[6]!, text: rec.title, code: rec.code, valid: rec.valid });
    }
  }
  return choices;
}
