/**
 * The code-set facts the coding feedback engine consults, behind one small interface so that the
 * scoring stays pure and testable with hand-made tables: lookup with hints (ICD-10-CM Official
 * Guidelines FY2026 I.A.1-I.A.5, I.B.1-2), tabular instructional notes (I.A.12-I.A.17, FY2023 notes
 * edition) and ICD-10-PCS character meanings (PCS guidelines A.2-A.4).
 *
 * `createCodingReference` adapts the code-set API in src/codesets (owned by the code-set module);
 * nothing here changes that module.
 */
import {
  excludes1Conflicts,
  isInEffect,
  lookupCode,
  pcsCharacterMeanings,
  requiredPartners,
  type CodeSets,
  type CmTabularFile,
  type PcsCharacterMeaning,
  type PcsDefinitionsFile,
  type PcsTablesFile,
} from '../../codesets/index';
import type { CodeInfo } from '../tasks/taskTypes';
import { formatDiagnosisCode, normaliseCode } from './codeFormat';

export type CodeKind = 'dx' | 'pcs';

/** What the code set says about one code as a learner typed it. */
export interface CodeFacts {
  /** Dotless code the input resolved to (null when nothing matched). */
  code: string | null;
  kind: CodeKind | null;
  status: 'reportable' | 'header' | 'not-in-effect' | 'deleted' | 'unknown' | 'invalid-input';
  title?: string;
  /** For a header: the next character it needs (4th..7th). */
  missing?: { position: number; options: string[]; message: string };
  /** Set when the input differs from the resolved code only by O/0 or I/1 look-alikes: what it was read as. */
  lookAlike?: string;
  poaExempt?: boolean;
  /** Plain-language explanation (hints and messages of the lookup). */
  message: string;
}

export interface TabularNoteRef {
  /** The note's text as printed in the Tabular List. */
  text: string;
  /** Where the note sits (dotless code, block id or "chapter N"). */
  level: string;
  /** The notes edition ("FY2023"). */
  edition: string;
}

export interface Excludes1Pair extends TabularNoteRef {
  /** The code whose (own or inherited) Excludes1 note lists the other. */
  code: string;
  excluded: string;
}

export interface PartnerNote extends TabularNoteRef {
  kind: 'useAdditionalCode' | 'codeFirst' | 'codeAlso';
  /** True when `code` satisfies the note. */
  matches: (code: string) => boolean;
}

/** The code-set facts the feedback engine needs. */
export interface CodingReference {
  facts(input: string, kind: CodeKind, dischargeDate: string): CodeFacts;
  /** Title of a valid code, if known. */
  title(code: string, kind: CodeKind): string | undefined;
  /** Whether a dotless code exists and is valid on the date. */
  isReportable(code: string, kind: CodeKind, dischargeDate: string): boolean;
  excludes1(codes: readonly string[]): Excludes1Pair[];
  partners(code: string): PartnerNote[];
  pcsMeanings(code: string): PcsCharacterMeaning[];
  /** Tabular notes edition, e.g. "FY2023". */
  readonly notesEdition: string;
}

export interface CodingReferenceSources {
  sets: CodeSets;
  tabular?: CmTabularFile;
  pcsTables?: PcsTablesFile;
  pcsDefinitions?: PcsDefinitionsFile;
}

/**
 * Builds the reference from loaded code-set files (src/codesets lookup, notes and PCS helpers;
 * OCG FY2026 I.A conventions, notes from the FY2023 tabular edition).
 */
export function createCodingReference(sources: CodingReferenceSources): CodingReference {
  const { sets, tabular, pcsTables, pcsDefinitions } = sources;
  const partnerCache = new Map<string, PartnerNote[]>();
  return {
    notesEdition: tabular?.edition ?? 'unknown',
    facts(input, kind, dischargeDate) {
      const r = lookupCode(sets, input, dischargeDate);
      // A code typed as a diagnosis that only exists as a procedure (or the reverse) is not that kind of code.
      if (r.kind !== null && r.kind !== kind && r.code !== null) {
        return {
          code: null,
          kind: null,
          status: 'unknown',
          message: `${r.display ?? input} is an ${r.kind === 'dx' ? 'ICD-10-CM diagnosis' : 'ICD-10-PCS procedure'} code, not ${kind === 'dx' ? 'a diagnosis code' : 'a procedure code'}.`,
        };
      }
      const lookAlike = r.hints.find((h) => h.kind === 'letter-digit')?.message;
      const message = [...r.hints.filter((h) => h.kind === 'letter-digit' || h.kind === 'extra-characters').map((h) => h.message), ...r.messages].join(' ');
      const facts: CodeFacts = { code: r.code, kind: r.kind, status: r.status, message };
      if (r.title) facts.title = r.title;
      if (r.missing) facts.missing = r.missing;
      if (lookAlike) facts.lookAlike = lookAlike;
      if (r.poaExempt !== undefined) facts.poaExempt = r.poaExempt;
      return facts;
    },
    title(code, kind) {
      const set = kind === 'dx' ? sets.cm : sets.pcs;
      return set?.byCode.get(normaliseCode(code))?.title;
    },
    isReportable(code, kind, dischargeDate) {
      const set = kind === 'dx' ? sets.cm : sets.pcs;
      const rec = set?.byCode.get(normaliseCode(code));
      return rec !== undefined && rec.valid && isInEffect(rec, dischargeDate);
    },
    excludes1(codes) {
      if (!tabular) return [];
      return excludes1Conflicts(tabular, sets.cm, [...codes]).map((c) => ({ code: c.code, excluded: c.excluded, text: c.note, level: c.level, edition: c.edition }));
    },
    partners(code) {
      if (!tabular) return [];
      const bare = normaliseCode(code);
      let cached = partnerCache.get(bare);
      if (!cached) {
        cached = requiredPartners(tabular, sets.cm, bare)
          .filter((p) => p.references.length > 0)
          .map((p) => ({
            kind: p.kind,
            text: p.text,
            level: p.level,
            edition: p.edition,
            matches: (c: string) => {
              const n = normaliseCode(c);
              return p.references.some((r) => (r.to ? n.slice(0, r.from.length) >= r.from && n.slice(0, r.to.length) <= r.to : n.startsWith(r.from)));
            },
          }));
        partnerCache.set(bare, cached);
      }
      return cached;
    },
    pcsMeanings(code) {
      if (!pcsTables) return [];
      return pcsCharacterMeanings(pcsTables, pcsDefinitions, normaliseCode(code));
    },
  };
}

/**
 * The `codeInfo` task service (used by the coding task's authoring check and the code-entry hints) on top
 * of the code-set lookup: OCG FY2026 I.A.1-I.A.5 and I.B.1-2 (only complete codes valid on the discharge
 * date are reportable).
 */
export function codeInfoService(sets: CodeSets): (code: string, kind: CodeKind, dischargeDate: string) => CodeInfo {
  const ref = createCodingReference({ sets });
  return (code, kind, dischargeDate) => {
    const f = ref.facts(code, kind, dischargeDate);
    const display = f.code ? (f.kind === 'pcs' ? f.code : formatDiagnosisCode(f.code)) : normaliseCode(code);
    const status: CodeInfo['status'] =
      f.status === 'reportable'
        ? f.lookAlike
          ? 'invalid'
          : 'reportable'
        : f.status === 'header'
          ? 'header'
          : f.status === 'deleted'
            ? 'no-longer-valid'
            : f.status === 'not-in-effect'
              ? f.message.includes('deleted')
                ? 'no-longer-valid'
                : 'not-yet-valid'
              : 'invalid';
    const info: CodeInfo = { display, status };
    if (f.title) info.title = f.title;
    if (status !== 'reportable') info.hint = f.lookAlike && f.status === 'reportable' ? `Not a code as typed. ${f.lookAlike}` : f.message;
    return info;
  };
}
