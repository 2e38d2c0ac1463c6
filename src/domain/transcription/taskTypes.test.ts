import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { checkTranscriptionAnswer, scoreTranscription, stripVerbalCommands, transcriptionInputSchema, transcriptionTask } from './taskTypes';

const reference = `REASON FOR CONSULTATION: Atrial fibrillation with rapid ventricular response.
HISTORY OF PRESENT ILLNESS: A 71-year-old woman, postoperative day 2 after a right hip hemiarthroplasty, developed palpitations. She denies chest pain.
PAST MEDICAL HISTORY: Hypertension.
MEDICATIONS: Metoprolol tartrate 25 mg twice daily.
ALLERGIES: Penicillin causes hives.
PHYSICAL EXAMINATION: Irregularly irregular, heart rate 132.
IMPRESSION: New atrial fibrillation with rapid ventricular response.
RECOMMENDATIONS: Increase metoprolol to 50 mg twice daily. Start apixaban 5 mg twice daily after surgical clearance.`;
const input = v.parse(transcriptionInputSchema, {
  reportType: 'consult',
  dictatedBy: 'Dr. K. Mensah',
  dictation: 'reason for consultation colon atrial fibrillation with rapid ventricular response period history of present illness colon a 71-year-old woman comma postoperative day 2 after a right hip hemiarthroplasty comma developed palpitations period she denies chest pain period past medical history hypertension period medications metoprolol tartrate 25 milligrams twice daily period allergies penicillin causes hives period physical examination irregularly irregular comma heart rate 132 period impression new atrial fibrillation with rapid ventricular response period recommendations increase metoprolol to 50 milligrams twice daily period start apixaban 5 milligrams twice daily after surgical clearance period',
  draft: 'reason for consultation a fib with rapid ventricular response history of present illness a 71 year old woman post op day 2 after a right hip hemi arthroplasty developed palpitations she denies chest pain',
});

describe('transcription scoring', () => {
  test('the reference passes the author checks', () => {
    expect(checkTranscriptionAnswer({ text: reference }, input)).toEqual([]);
  });

  test('a perfect transcript scores full marks', () => {
    const r = scoreTranscription({ text: reference }, { text: reference }, input);
    expect(r.score).toBe(r.maxScore);
  });

  test('critical errors are listed and cost a point each; format and Do Not Use are scored', () => {
    const bad = reference.replace('right hip', 'left hip').replace('denies chest pain', 'has chest pain').replace('50 mg', '15 mg').replace('twice daily.', 'QD.').replace(/\nALLERGIES:/, '\nAllergies -');
    const r = scoreTranscription({ text: bad }, { text: reference }, input);
    const types = r.findings.map((f) => f.errorType);
    expect(types).toEqual(expect.arrayContaining(['transcription.critical-laterality', 'transcription.critical-negation', 'transcription.critical-number', 'transcription.do-not-use', 'transcription.format']));
    expect(r.findings.find((f) => f.subject === 'Critical errors')!.points).toBeLessThanOrEqual(1);
    expect(r.score).toBeLessThan(r.maxScore - 4);
  });

  test('an empty transcript scores 0 accuracy without throwing', () => {
    const r = scoreTranscription({ text: '' }, { text: reference }, input);
    expect(r.findings[0]!.points).toBe(0);
  });

  test('the author check catches a reference that is a different report', () => {
    expect(checkTranscriptionAnswer({ text: 'REASON FOR CONSULTATION: x\nHISTORY OF PRESENT ILLNESS: something else entirely and unrelated words go here' }, input).length).toBeGreaterThan(0);
  });

  test('verbal commands are removed', () => {
    expect(stripVerbalCommands('pain period new paragraph plan colon rest').replace(/\s+/g, ' ').trim()).toBe('pain plan rest');
  });

  test('malformed responses do not throw', () => {
    expect(transcriptionTask.score({ text: 4 } as never, { text: reference }, {} as never, {}, input).findings[0]!.errorType).toBe('response.malformed');
  });
});
