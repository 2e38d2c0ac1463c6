/**
 * Links a code to the place in the chart that supports it: the author's quote when given, otherwise a
 * conservative search of the chart text for the code title's key terms (or a clinical abbreviation that
 * spells them out). When nothing matches clearly, there is no link: a wrong link teaches worse than none.
 */
import type { ChartDocument, Scenario } from '../../content/scenarioSchema';
import { CLINICAL_ABBREVIATIONS } from '../../codesets/abbreviations';
import type { Evidence } from '../tasks/taskTypes';

/** Document types in the order a coder reads for final diagnoses (OCG Section III: the whole record). */
const DOCUMENT_PRIORITY = ['discharge-summary', 'history-and-physical', 'progress-note', 'operative-report', 'procedure-note', 'consult-note', 'ed-note'];

const STOP = new Set(['unspecified', 'other', 'specified', 'essential', 'primary', 'site', 'type', 'and', 'the', 'of', 'or', 'nos', 'not', 'elsewhere', 'classified', 'initial', 'encounter', 'for', 'a', 'an']);

/**
 * The key terms of a code title: its head phrase (before the first comma, "due to", "with", "without",
 * "in"), without parenthesised nonessential modifiers (OCG I.A.7) and filler words.
 * "Essential (primary) hypertension" -> [hypertension]; "Acute kidney failure, unspecified" -> [acute, kidney, failure].
 */
export function titleKeyTerms(title: string): string[] {
  const head = title
    .replace(/\([^)]*\)/g, ' ')
    .split(/,| due to | with | without | in | of other | following /i)[0]!
    .toLowerCase();
  return head
    .split(/[^a-z0-9-]+/)
    .filter((w) => w.length > 2 && !STOP.has(w));
}

const UNCERTAIN = /\b(probable|probably|suspected|suspect|likely|possible|possibly|questionable|consistent with|compatible with|still to be ruled out|presumed|presumptive)\b/i;
const RULED_OUT = /\b(ruled out|rules out|was excluded|not septic|no evidence of)\b/i;

/** Whether a line documents a diagnosis as uncertain (OCG Section II.H / III.C qualifier words). */
export function isUncertainWording(text: string): boolean {
  return UNCERTAIN.test(text);
}

/** Whether a line documents a diagnosis as ruled out. */
export function isRuledOutWording(text: string): boolean {
  return RULED_OUT.test(text);
}

function wordIn(line: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}(s|es)?\\b`, 'i').test(line);
}

function lineMentions(line: string, alternatives: readonly (readonly string[])[]): boolean {
  return alternatives.some((terms) => mentionsAll(line, terms));
}

function mentionsAll(line: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  if (terms.every((t) => wordIn(line, t))) return true;
  // An abbreviation whose expansion contains every key term ("AKI" -> acute kidney failure).
  for (const token of line.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []) {
    const expansion = CLINICAL_ABBREVIATIONS[token];
    if (!expansion) continue;
    const words = expansion.split(' ');
    if (terms.every((t) => words.includes(t))) return true;
  }
  return false;
}

function orderedDocuments(scenario: Scenario): ChartDocument[] {
  const rank = (d: ChartDocument) => {
    const i = DOCUMENT_PRIORITY.indexOf(d.type);
    return i < 0 ? DOCUMENT_PRIORITY.length : i;
  };
  return [...scenario.chart].sort((a, b) => rank(a) - rank(b));
}

export interface ChartMention {
  documentId: string;
  /** The whole line, verbatim (trimmed). */
  quote: string;
}

/** Alternatives of key terms: a title naming two conditions with "and" matches either ("Hypo-osmolality and hyponatremia"). */
function termAlternatives(title: string): string[][] {
  const all = titleKeyTerms(title);
  const head = title.replace(/\([^)]*\)/g, ' ').split(/,| due to | with | without | in | of other | following /i)[0]!;
  const parts = head.split(/ and /i).map((p) => titleKeyTerms(p)).filter((p) => p.length > 0);
  return parts.length > 1 ? [all, ...parts] : [all];
}

/** Every chart sentence that mentions a code title's key terms, best documents first. */
export function findMentions(scenario: Scenario, title: string): ChartMention[] {
  const alternatives = termAlternatives(title);
  const out: ChartMention[] = [];
  for (const doc of orderedDocuments(scenario)) {
    for (const raw of doc.text.split('\n')) {
      for (const part of raw.trim().split(/(?<=[a-z)]\.)\s+(?=[A-Z])|;\s+/)) {
        const sentence = part.trim();
        if (sentence.length >= 3 && lineMentions(sentence, alternatives)) out.push({ documentId: doc.id, quote: sentence });
      }
    }
  }
  return out;
}

/** The chart line to show for a diagnosis code: author's evidence first, else the best mention, else none. */
export function evidenceForDiagnosis(scenario: Scenario, title: string | undefined, authored?: Evidence): Evidence | undefined {
  if (authored) return authored;
  if (!title) return undefined;
  const first = findMentions(scenario, title)[0];
  return first ? { documentId: first.documentId, quote: first.quote } : undefined;
}

/** The chart line that says a diagnosis was ruled out, if any (OCG II.H applies only to diagnoses still uncertain at discharge). */
export function ruledOutMention(scenario: Scenario, title: string): ChartMention | undefined {
  return findMentions(scenario, title).find((m) => isRuledOutWording(m.quote));
}

/**
 * The procedure note or operative report for a procedure date (UHDDS: procedures with their dates): the
 * document whose `procedure.start` falls on that date, quoting its first line naming the procedure.
 */
export function evidenceForProcedure(scenario: Scenario, date: string | undefined, authored?: Evidence): Evidence | undefined {
  if (authored) return authored;
  const docs = scenario.chart.filter((d) => d.procedure && (!date || (d.procedure.start ?? d.created).startsWith(date)));
  const doc = docs.find((d) => d.type === 'operative-report' || d.type === 'procedure-note') ?? docs[0];
  if (!doc) return undefined;
  const line = doc.text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^(procedure|operation|procedures? performed)\b/i.test(l));
  return line ? { documentId: doc.id, quote: line } : { documentId: doc.id };
}

/** Whether `quote` occurs verbatim in the document (so the chart viewer can highlight it). */
export function quoteIsVerbatim(scenario: Scenario, evidence: Evidence): boolean {
  const doc = scenario.chart.find((d) => d.id === evidence.documentId);
  if (!doc) return false;
  return evidence.quote === undefined || doc.text.includes(evidence.quote);
}
