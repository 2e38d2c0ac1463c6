import { describe, expect, it } from 'vitest';
import { checkChoiceAnswer, scoreChoice, type ChoiceAnswer, type ChoiceInput } from './choiceTask';

const single: ChoiceInput = { question: 'Q?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], multiple: false };
const multi: ChoiceInput = { ...single, options: [...single.options, { id: 'c', text: 'C' }], multiple: true };
const key = (correct: string[]): ChoiceAnswer => ({ correct, explanations: { b: 'B is a trap.' } });

describe('scoreChoice (docs/scoring.md "Choice")', () => {
  it('scores a single answer 1 or 0 and explains the wrong choice', () => {
    expect(scoreChoice({ selected: ['a'] }, key(['a']), single).score).toBe(1);
    const wrong = scoreChoice({ selected: ['b'] }, key(['a']), single);
    expect(wrong.score).toBe(0);
    expect(wrong.findings[0]!.message).toContain('B is a trap.');
    expect(wrong.findings[0]!.errorType).toBe('choice.wrong');
  });

  it('gives partial credit per option on multi-select', () => {
    const r = scoreChoice({ selected: ['a', 'b'] }, key(['a', 'c']), multi);
    expect(r).toMatchObject({ score: 1, maxScore: 3 });
  });
});

describe('checkChoiceAnswer', () => {
  it('rejects keys that name no option, or two answers to a single-answer question', () => {
    expect(checkChoiceAnswer(key(['z']), single)).toEqual([{ path: 'correct[0]', message: '"z" is not one of the option ids (a, b)' }]);
    expect(checkChoiceAnswer(key(['a', 'b']), single)[0]!.path).toBe('correct');
    expect(checkChoiceAnswer(key(['a', 'b']), multi)).toEqual([]);
  });
});
