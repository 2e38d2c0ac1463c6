// @vitest-environment jsdom
/**
 * Runs the generated SCORM 1.2 package's own files (data.js + runtime.js, unzipped from the package) in a
 * DOM against scorm-again's SCORM 1.2 API as the LMS stub, and checks what the LMS records.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Scorm12API } from 'scorm-again';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../../../tests/factories/scenarioFactory';
import { buildScormPackage, scormData } from './scorm';

const choiceStep = (id: string, multiple: boolean, correct: string[]) => ({
  id,
  type: 'choice',
  title: id,
  input: { question: `Question ${id}?`, multiple, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }] },
  answer: { correct },
});

const { scenario: withChoices } = buildScenario({ id: 'coding-scorm-a', title: 'Choice case', steps: [choiceStep('q1', false, ['a']), choiceStep('q2', true, ['a', 'c'])] });
const { scenario: codingOnly } = buildScenario({
  id: 'coding-scorm-b',
  title: 'Coding only',
  steps: [{ id: 'code', type: 'coding', title: 'Code it', answer: { pdx: 'J13', sdx: [{ code: 'E11.9', poa: 'Y' }], procedures: [] } }],
});

type Window = typeof globalThis & { API?: unknown; HIM_SIM_SCORM?: unknown; HimSimScorm?: { answer: (q: string, ids: string[]) => void; submit: () => { percent: number }; sessionTime: (ms: number) => string } };
const win = globalThis as Window;

function launch(pkg: Uint8Array, api: Scorm12API | null) {
  const files = unzipSync(pkg);
  document.body.innerHTML = '<main id="app"></main>';
  win.API = api ?? undefined;
  // Indirect eval runs the package's scripts in the global (window) scope, as a <script src> would.
  (0, eval)(strFromU8(files['data.js']!));
  (0, eval)(strFromU8(files['runtime.js']!));
  return files;
}

afterEach(() => {
  delete win.API;
  delete win.HIM_SIM_SCORM;
  delete win.HimSimScorm;
});

describe('SCORM 1.2 package', () => {
  const pkg = buildScormPackage('Week 3 quiz', [withChoices, codingOnly], { masteryScore: 70 });

  it('holds a SCORM 1.2 manifest, launch page, data and run-time; lists the cases it cannot score', () => {
    const files = unzipSync(pkg.zip);
    expect(Object.keys(files).sort()).toEqual(['data.js', 'imsmanifest.xml', 'index.html', 'runtime.js', 'style.css']);
    const manifest = strFromU8(files['imsmanifest.xml']!);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(strFromU8(files['index.html']!)).not.toMatch(/<script>(?!<\/script>)/);
    expect(pkg.excluded.map((e) => e.id)).toEqual(['coding-scorm-b']);
    expect(pkg.data.cases.map((c) => c.questions.length)).toEqual([2]);
  });

  it('initialises, marks the lesson incomplete, then reports a passing score and finishes', () => {
    const api = new Scorm12API({ logLevel: 5 });
    const setValue = vi.spyOn(api, 'LMSSetValue');
    launch(pkg.zip, api);
    expect(api.isInitialized()).toBe(true);
    expect(api.cmi.core.lesson_status).toBe('incomplete');
    win.HimSimScorm!.answer('coding-scorm-a/q1', ['a']);
    win.HimSimScorm!.answer('coding-scorm-a/q2', ['a']); // 2 of 3 options judged right
    const s = win.HimSimScorm!.submit();
    // 1 + 2 of 1 + 3 points = 75%
    expect(s.percent).toBe(75);
    expect(api.cmi.core.score.raw).toBe('75');
    expect(api.cmi.core.score.min).toBe('0');
    expect(api.cmi.core.score.max).toBe('100');
    expect(api.cmi.core.lesson_status).toBe('passed');
    const sessionTime: unknown = setValue.mock.calls.find(([element]) => element === 'cmi.core.session_time')?.[1];
    expect(sessionTime).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(setValue).toHaveReturnedWith('true');
    expect(api.isTerminated()).toBe(true);
    expect(document.getElementById('result')!.textContent).toMatch(/Score 75%/);
  });

  it('reports a failing score when answered through the page’s own form controls', () => {
    const api = new Scorm12API({ logLevel: 5 });
    launch(pkg.zip, api);
    const radios = document.querySelectorAll<HTMLInputElement>('input[name="coding-scorm-a/q1"]');
    radios[1]!.checked = true; // "B": wrong
    radios[1]!.dispatchEvent(new Event('change'));
    document.getElementById('submit')!.click();
    expect(api.cmi.core.score.raw).toBe('25'); // q2 unanswered: only option b judged right (1 of 4 points)
    expect(api.cmi.core.lesson_status).toBe('failed');
    expect((document.getElementById('submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('still works without an LMS (and says the score is not recorded)', () => {
    launch(pkg.zip, null);
    expect(document.body.textContent).toMatch(/No LMS connection/);
    expect(win.HimSimScorm!.submit().percent).toBe(25);
  });

  it('formats session time as SCORM 1.2 HHHH:MM:SS.SS', () => {
    launch(pkg.zip, null);
    expect(win.HimSimScorm!.sessionTime(3_723_450)).toBe('0001:02:03.45');
  });

  it('escapes "<" in the embedded data so a document cannot close the script', () => {
    const { data } = scormData('t', [buildScenario({ id: 'coding-scorm-c', steps: [choiceStep('q1', false, ['a'])], chart: [{ id: 'hp', type: 'history-and-physical', author: { name: 'X', role: 'attending' }, created: '2026-03-01T09:00', text: '</script><b>x' }] }).scenario]);
    expect(data.cases[0]!.documents[0]!.text).toBe('</script><b>x');
    const files = unzipSync(buildScormPackage('t', [buildScenario({ id: 'coding-scorm-d', steps: [choiceStep('q1', false, ['a'])], chart: [{ id: 'hp', type: 'history-and-physical', author: { name: 'X', role: 'attending' }, created: '2026-03-01T09:00', text: '</script>' }] }).scenario]).zip);
    expect(strFromU8(files['data.js']!)).not.toContain('</script>');
  });
});
