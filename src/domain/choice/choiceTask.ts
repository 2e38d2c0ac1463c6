/**
 * "choice": a single- or multiple-answer question about the chart (e.g. "Which document is missing?").
 * Any module may use it for short abstraction steps. Each option may carry the rule that makes it right or wrong.
 */
import * as v from 'valibot';
import type { Finding, TaskType } from '../tasks/taskTypes';

const citationSchema = v.object({ source: v.string(), section: v.string(), text: v.optional(v.string()) });

export const choiceAnswerSchema = v.pipe(
  v.object({
    question: v.pipe(v.string(), v.minLength(1, 'the question is empty')),
    options: v.pipe(
      v.array(
        v.object({
          id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'option ids are lower-case letters, digits and dashes')),
          text: v.pipe(v.string(), v.minLength(1)),
          correct: v.optional(v.boolean(), false),
          explanation: v.optional(v.string()),
        }),
      ),
      v.minLength(2, 'a choice needs at least two options'),
    ),
    citation: v.optional(citationSchema),
    evidence: v.optional(v.object({ documentId: v.string(), quote: v.optional(v.string()) })),
  }),
  v.forward(
    v.check((a) => a.options.some((o) => o.correct), 'mark at least one option "correct: true"'),
    ['options'],
  ),
  v.forward(
    v.check((a) => new Set(a.options.map((o) => o.id)).size === a.options.length, 'option ids must be unique'),
    ['options'],
  ),
);
export type ChoiceAnswer = v.InferOutput<typeof choiceAnswerSchema>;

export const choiceResponseSchema = v.object({ selected: v.array(v.string()) });
export type ChoiceResponse = v.InferOutput<typeof choiceResponseSchema>;

/**
 * Scores a choice: one point per option judged right (selected when correct, left when not),
 * so a partly right multi-select earns partial credit (docs/scoring.md "Choice").
 */
export function scoreChoice(response: ChoiceResponse, answer: ChoiceAnswer): { score: number; maxScore: number; findings: Finding[] } {
  const selected = new Set(response.selected);
  const single = answer.options.filter((o) => o.correct).length === 1;
  if (single) {
    const right = answer.options.find((o) => o.correct)!;
    const ok = selected.size === 1 && selected.has(right.id);
    const chosen = answer.options.find((o) => selected.has(o.id));
    return {
      score: ok ? 1 : 0,
      maxScore: 1,
      findings: [
        {
          outcome: ok ? 'correct' : 'incorrect',
          errorType: ok ? undefined : 'choice.wrong',
          subject: answer.question,
          message: ok
            ? (right.explanation ?? `"${right.text}" is right.`)
            : `The answer is "${right.text}".${chosen?.explanation ? ` You chose "${chosen.text}": ${chosen.explanation}` : ''}${right.explanation ? ` ${right.explanation}` : ''}`,
          points: ok ? 1 : 0,
          maxPoints: 1,
          citation: answer.citation,
          evidence: answer.evidence,
        },
      ],
    };
  }
  const findings: Finding[] = answer.options.map((o) => {
    const ok = selected.has(o.id) === o.correct;
    return {
      outcome: ok ? 'correct' : o.correct ? 'missed' : 'extra',
      errorType: ok ? undefined : 'choice.wrong',
      subject: o.text,
      message: `${o.correct ? 'Should be selected' : 'Should not be selected'}.${o.explanation ? ` ${o.explanation}` : ''}`,
      points: ok ? 1 : 0,
      maxPoints: 1,
      citation: answer.citation,
      evidence: answer.evidence,
    };
  });
  return { score: findings.reduce((s, f) => s + f.points, 0), maxScore: findings.length, findings };
}

export const choiceTask: TaskType<unknown, ChoiceAnswer, ChoiceResponse> = {
  id: 'choice',
  module: 'any',
  label: 'Answer a question about the chart',
  inputSchema: v.optional(v.unknown()),
  answerSchema: choiceAnswerSchema,
  responseSchema: choiceResponseSchema,
  emptyResponse: () => ({ selected: [] }),
  isResponseComplete: (r) => r.selected.length > 0,
  score: (response, answer) => scoreChoice(response, answer),
};
