/**
 * The task types of the transcription module ("transcription": turn a dictation into the finished
 * report), registered in src/domain/tasks/registry.ts. Scored by word error rate after normalisation,
 * critical errors weighted separately, standard headings and TJC "Do Not Use" abbreviations.
 */
import * as v from 'valibot';
import type { AnyTaskType, AuthoringProblem, Finding, TaskType } from '../tasks/taskTypes';
import { checkHeadings, REPORT_TYPES, type ReportType } from './reportFormats';
import { findDoNotUse } from './terminology';
import { wordErrorRate, type CriticalCategory } from './wer';

export const transcriptionInputSchema = v.object({
  reportType: v.picklist(Object.keys(REPORT_TYPES) as ReportType[], `reportType is one of: ${Object.keys(REPORT_TYPES).join(', ')}`),
  /** Who dictated, e.g. "Ines Carvalho, MD (General Surgery)". */
  dictatedBy: v.pipe(v.string(), v.minLength(1, 'dictatedBy is empty')),
  /** What the speaker says, read aloud by speech synthesis (verbal punctuation allowed: "period", "new paragraph"). */
  dictation: v.pipe(v.string(), v.minLength(20, 'the dictation is too short')),
  /** A raw speech-recognition draft, shown when speech synthesis is unavailable (and on request). */
  draft: v.pipe(v.string(), v.minLength(20, 'the draft is too short')),
  /** The dictator's usual speaking rate, 0.5-1.5 (1 = normal). */
  rate: v.optional(v.pipe(v.number(), v.minValue(0.5), v.maxValue(1.5)), 1),
});
export type TranscriptionInput = v.InferOutput<typeof transcriptionInputSchema>;

export const transcriptionAnswerSchema = v.object({
  /** The finished report as an expert transcriptionist would produce it. */
  text: v.pipe(v.string(), v.minLength(20, 'the reference report is too short')),
});
export type TranscriptionAnswer = v.InferOutput<typeof transcriptionAnswerSchema>;

export const transcriptionResponseSchema = v.object({ text: v.string() });
export type TranscriptionResponse = v.InferOutput<typeof transcriptionResponseSchema>;

const VERBAL_COMMANDS = /\b(period|comma|colon|semicolon|new paragraph|next paragraph|new line|next heading|heading|open paren(thesis)?|close paren(thesis)?|end of dictation|thank you)\b/gi;

/** Removes spoken punctuation and dictation commands, leaving the words that belong in the report. */
export function stripVerbalCommands(dictation: string): string {
  return dictation.replace(VERBAL_COMMANDS, ' ');
}

/** Author checks: the reference has the standard headings and says what the dictation says (WER vs the spoken words < 40%). */
export function checkTranscriptionAnswer(answer: TranscriptionAnswer, input: TranscriptionInput): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const { missing } = checkHeadings(input.reportType, answer.text);
  if (missing.length > 0) problems.push({ path: 'text', message: `the reference lacks the headings ${missing.join(', ')}` });
  const headingFree = answer.text.replace(new RegExp(`^\\s*(${REPORT_TYPES[input.reportType].headings.join('|')})\\s*:`, 'gim'), ' ');
  const w = wordErrorRate(headingFree, stripVerbalCommands(input.dictation));
  if (w.wer > 0.4) problems.push({ path: 'text', message: `the reference differs from the dictation by ${(w.wer * 100).toFixed(0)}% of its words; check that they are the same report` });
  const doNotUse = findDoNotUse(answer.text);
  if (doNotUse.length > 0) problems.push({ path: 'text', message: `the reference uses a Do Not Use abbreviation: ${doNotUse.map((d) => d.match).join(', ')}` });
  return problems;
}

const CATEGORY_TEXT: Record<CriticalCategory, string> = {
  drug: 'drug name',
  dose: 'dose or frequency',
  laterality: 'laterality',
  negation: 'negation',
  number: 'number',
};

const AHDI = { source: 'AHDI healthcare documentation quality assessment', section: 'Critical errors', text: 'Errors that could affect patient care: drugs, doses, laterality, negation, numbers' };

/**
 * Scores a transcript: accuracy 10 x (1 - WER) (normalised words; AHDI accuracy >= 98% is the usual
 * benchmark), critical errors 5 points minus 1 per error (each listed), standard headings 2 points, and
 * -0.5 per TJC "Do Not Use" abbreviation. Never throws.
 */
export function scoreTranscription(response: TranscriptionResponse, key: TranscriptionAnswer, input: TranscriptionInput): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const headings = REPORT_TYPES[input.reportType].headings;
  const strip = (t: string) => t.replace(new RegExp(`^\\s*(${headings.join('|')})\\s*:`, 'gim'), ' ');
  const w = wordErrorRate(strip(key.text), strip(response.text));
  const accuracy = Math.max(0, 1 - w.wer);
  findings.push({
    outcome: w.wer === 0 ? 'correct' : accuracy >= 0.98 ? 'partial' : 'incorrect',
    errorType: w.wer === 0 ? undefined : 'transcription.wer',
    subject: 'Word accuracy',
    message: `Word error rate ${(w.wer * 100).toFixed(1)}% (${w.substitutions} substituted, ${w.deletions} missing, ${w.insertions} extra of ${w.referenceWords} words), accuracy ${(accuracy * 100).toFixed(1)}%. Professional transcription aims for at least 98%.`,
    points: Math.round(10 * accuracy * 100) / 100,
    maxPoints: 10,
    citation: { source: 'AHDI healthcare documentation quality assessment', section: 'Accuracy', text: 'Accuracy = 1 - errors / words; 98% is the usual minimum' },
  });
  const criticalPoints = Math.max(0, 5 - w.critical.length);
  findings.push({
    outcome: w.critical.length === 0 ? 'correct' : 'incorrect',
    errorType: w.critical.length === 0 ? undefined : 'transcription.critical',
    subject: 'Critical errors',
    message: w.critical.length === 0 ? `No critical errors among ${w.criticalInReference} drug names, doses, sides, negations and numbers.` : `${w.critical.length} critical error(s): each one could change the patient's care. 1 point each.`,
    points: criticalPoints,
    maxPoints: 5,
    citation: AHDI,
  });
  for (const c of w.critical) {
    findings.push({
      outcome: 'incorrect',
      errorType: `transcription.critical-${c.category}`,
      subject: `Critical: ${CATEGORY_TEXT[c.category]}`,
      message: c.expected && c.got ? `"${c.got}" where the dictation says "${c.expected}".` : c.expected ? `"${c.expected}" is missing.` : `"${c.got}" was added; the dictation does not say it.`,
      points: 0,
      maxPoints: 0,
      citation: AHDI,
    });
  }
  const { missing, outOfOrder } = checkHeadings(input.reportType, response.text);
  const headingPoints = Math.max(0, 2 * (1 - missing.length / headings.length) - (outOfOrder ? 0.5 : 0));
  findings.push({
    outcome: missing.length === 0 && !outOfOrder ? 'correct' : 'partial',
    errorType: missing.length === 0 && !outOfOrder ? undefined : 'transcription.format',
    subject: `${REPORT_TYPES[input.reportType].label} format`,
    message: missing.length === 0 && !outOfOrder ? 'All standard headings are present and in order.' : `${missing.length ? `Missing headings: ${missing.join(', ')}. ` : ''}${outOfOrder ? 'Headings are out of the standard order.' : ''}`.trim(),
    points: Math.round(headingPoints * 100) / 100,
    maxPoints: 2,
    citation: { source: '42 CFR 482.24(c)(4) / AHDI Book of Style', section: 'Report formats', text: 'Standard report sections' },
  });
  for (const d of findDoNotUse(response.text)) {
    findings.push({ outcome: 'extra', errorType: 'transcription.do-not-use', subject: 'Do Not Use abbreviation', message: `"${d.match}": ${d.advice}`, points: -0.5, maxPoints: 0, citation: { source: 'The Joint Commission', section: 'Official "Do Not Use" list', text: 'U, IU, QD, QOD, trailing zero, naked decimal, MS, MSO4, MgSO4' } });
  }
  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, Math.round(raw * 100) / 100)), maxScore, findings };
}

export const transcriptionTask: TaskType<TranscriptionInput, TranscriptionAnswer, TranscriptionResponse> = {
  id: 'transcription',
  module: 'transcription',
  label: 'Transcribe the dictated report',
  inputSchema: transcriptionInputSchema,
  answerSchema: transcriptionAnswerSchema,
  responseSchema: transcriptionResponseSchema,
  checkAnswer: (answer, _scenario, _services, input) => checkTranscriptionAnswer(answer, input),
  emptyResponse: () => ({ text: '' }),
  isResponseComplete: (r) => typeof r.text === 'string' && r.text.trim().split(/\s+/).length >= 5,
  score: (response, key, _scenario, _services, input) => {
    const parsed = v.safeParse(transcriptionResponseSchema, response);
    if (!parsed.success) return { score: 0, maxScore: 1, findings: [{ outcome: 'incorrect', errorType: 'response.malformed', subject: 'Response', message: 'The saved transcript could not be read; start the step again.', points: 0, maxPoints: 1 }] };
    return scoreTranscription(parsed.output, key, input);
  },
};

export const transcriptionTaskTypes: AnyTaskType[] = [transcriptionTask];
