/**
 * "choice": a single- or multiple-answer question about the chart (e.g. "Which document is missing?").
 * Any module may use it for short abstraction steps. The question and options are the step's `input`
 * (what the learner sees); the key names the right option ids and may explain each option.
 */
import * as v from 'valibot';
import type { AuthoringProblem, Finding, TaskType } from '../tasks/taskTypes';

const citationSchema = v.object({ source: v.string(), section: v.string(), text: v.optional(v.string()) });
const optionId = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'option ids are lower-case letters, digits and dashes'));

export const choiceInputSchema = v.pipe(
  v.object({
    question: v.pipe(v.string(), v.minLength(1, 'the question is empty')),
    options: v.pipe(
      v.array(v.object({ id: optionId, text: v.pipe(v.string(), v.minLength(1, 'the option text is empty')) })),
      v.minLength(2, 'a choice needs at least two options'),
    ),
    multiple: v.optional(v.boolean(), false),
  }),
  v.forward(
    v.check((a) => new Set(a.options.map((o) => o.id)).size === a.options.length, 'option ids must be unique'),
    ['options'],
  ),
);
export type ChoiceInput = v.InferOutput<typeof choiceInputSchema>;

export const choiceAnswerSchema = v.object({
  correct: v.pipe(v.array(optionId), v.minLength(1, 'name at least one correct option id')),
  /** Why each option is right or wrong, by option id. */
  explanations: v.optional(v.record(v.string(), v.string()), {}),
  citation: v.optional(citationSchema),
  evidence: v.optional(v.object({ documentId: v.string(), quote: v.optional(v.string()) })),
});
export type ChoiceAnswer = v.InferOutput<typeof choiceAnswerSchema>;

export const choiceResponseSchema = v.object({ selected: v.array(v.string()) });
export type ChoiceResponse = v.InferOutput<typeof choiceResponseSchema>;

/** The key must name existing options, and a single-answer question exactly one. */
export function checkChoiceAnswer(answer: ChoiceAnswer, input: ChoiceInput): AuthoringProblem[] {
  const ids = new Set(input.options.map((o) => o.id));
  const problems: AuthoringProblem[] = answer.correct
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !ids.has(id))
    .map(({ id, i }) => ({ path: `correct[${i}]`, message: `"${id}" is not one of the option ids (${[...ids].join(', ')})` }));
  if (!input.multiple && answer.correct.length > 1) {
    problems.push({ path: 'correct', message: 'a single-answer question has exactly one correct option (set input.multiple: true otherwise)' });
  }
  return problems;
}

/**
 * Scores a choice: single-answer questions score 1 or 0; multi-select questions score one point per option
 * judged right (selected when correct, left when not), so a partly right answer earns partial credit
 * (docs/scoring.md "Choice").
 */
export function scoreChoice(response: ChoiceResponse, answer: ChoiceAnswer, input: ChoiceInput): { score: number; maxScore: number; findings: Finding[] } {
  const selected = new Set(response.selected);
  const correct = new Set(answer.correct);
  const textOf = (id: string) => input.options.find((o) => o.id === id)?.text ?? id;
  const why = (id: string) => answer.explanations[id];
  if (!input.multiple) {
    const right = answer.correct[0]!;
    const chosen = response.selected[0];
    const ok = selected.size === 1 && chosen === right;
    const message = ok
      ? (why(right) ?? `“${textOf(right)}” is right.`)
      : [`The answer is “${textOf(right)}”.`, chosen && why(chosen) ? `You chose “${textOf(chosen)}”: ${why(chosen)}` : '', why(right) ?? '']
          .filter(Boolean)
          .join(' ');
    return {
      score: ok ? 1 : 0,
      maxScore: 1,
      findings: [
        {
          outcome: ok ? 'correct' : 'incorrect',
          errorType: ok ? undefined : 'choice.wrong',
          subject: input.question,
          message,
          points: ok ? 1 : 0,
          maxPoints: 1,
          citation: answer.citation,
          evidence: answer.evidence,
        },
      ],
    };
  }
  const findings: Finding[] = input.options.map((o) => {
    const shouldSelect = correct.has(o.id);
    const ok = selected.has(o.id) === shouldSelect;
    return {
      outcome: ok ? 'correct' : shouldSelect ? 'missed' : 'extra',
      errorType: ok ? undefined : 'choice.wrong',
      subject: o.text,
      message: `${shouldSelect ? 'Should be selected' : 'Should not be selected'}.${why(o.id) ? ` ${why(o.id)}` : ''}`,
      points: ok ? 1 : 0,
      maxPoints: 1,
      citation: answer.citation,
      evidence: answer.evidence,
    };
  });
  return { score: findings.reduce((s, f) => s + f.points, 0), maxScore: findings.length, findings };
}

export const choiceTask: TaskType<ChoiceInput, ChoiceAnswer, ChoiceResponse> = {
  id: 'choice',
  module: 'any',
  label: 'Answer a question about the chart',
  inputSchema: choiceInputSchema,
  answerSchema: choiceAnswerSchema,
  responseSchema: choiceResponseSchema,
  emptyResponse: () => ({ selected: [] }),
  checkAnswer: (answer, _scenario, _services, input) => checkChoiceAnswer(answer, input),
  isResponseComplete: (r) => r.selected.length > 0,
  score: (response, answer, _scenario, _services, input) => scoreChoice(response, answer, input),
};
