/**
 * Exports a scenario set as a SCORM 1.2 package (issue 10 §5) that an LMS (Moodle, Canvas, Blackboard...)
 * can launch and that reports score and completion back to it.
 *
 * What the package holds: the cases' chart documents and every `choice` step (question, options, the key
 * computed by the scenario checker). Those are the steps a standalone page can score without the app's
 * engine; steps of other task types stay in HIM Sim and are listed as not included. Scoring follows
 * docs/scoring.md "Choice" (single answer 1/0; select-all one point per option judged right).
 *
 * SCORM 1.2 run-time (ADL SCORM 1.2 RTE, section 3): find `API` in the parent/opener window chain,
 * LMSInitialize, set cmi.core.lesson_status "incomplete" on first launch, then on submit set
 * cmi.core.score.raw/min/max, cmi.core.lesson_status "passed"/"failed" against the mastery score,
 * cmi.core.session_time, LMSCommit and LMSFinish.
 */
import { strToU8, zipSync } from 'fflate';
import type { Scenario } from '../../content/scenarioSchema';

export interface ScormQuestion {
  id: string;
  caseId: string;
  prompt: string;
  options: { id: string; text: string }[];
  multiple: boolean;
  correct: string[];
}

export interface ScormCase {
  id: string;
  title: string;
  patient: string;
  documents: { id: string; title: string; text: string }[];
  questions: ScormQuestion[];
}

export interface ScormData {
  title: string;
  /** Percent needed to pass (written to adlcp:masteryscore too). */
  masteryScore: number;
  cases: ScormCase[];
}

export interface ScormExport {
  zip: Uint8Array;
  data: ScormData;
  /** Cases left out because none of their steps can be scored in a standalone page. */
  excluded: { id: string; title: string; reason: string }[];
}

function isChoiceInput(x: unknown): x is { question: string; options: { id: string; text: string }[]; multiple?: boolean } {
  const o = x as { question?: unknown; options?: unknown } | null;
  return !!o && typeof o.question === 'string' && Array.isArray(o.options);
}

/** Picks the scorable (choice) steps of each scenario. */
export function scormData(title: string, scenarios: readonly Scenario[], masteryScore = 80): { data: ScormData; excluded: ScormExport['excluded'] } {
  const cases: ScormCase[] = [];
  const excluded: ScormExport['excluded'] = [];
  for (const s of scenarios) {
    const questions = s.steps.flatMap((step): ScormQuestion[] => {
      if (step.type !== 'choice' || !isChoiceInput(step.input)) return [];
      const key = step.answer as { correct?: string[] } | undefined;
      if (!key?.correct) return [];
      return [{ id: `${s.id}/${step.id}`, caseId: s.id, prompt: step.prompt ? `${step.prompt} ${step.input.question}` : step.input.question, options: step.input.options, multiple: step.input.multiple === true, correct: key.correct }];
    });
    if (questions.length === 0) {
      excluded.push({ id: s.id, title: s.title, reason: 'no question steps that a standalone LMS page can score; practise it in HIM Sim' });
      continue;
    }
    cases.push({
      id: s.id,
      title: s.title,
      patient: `${s.patient.name.family.toUpperCase()}, ${s.patient.name.given} · MRN ${s.patient.mrn}`,
      documents: s.chart.map((d) => ({ id: d.id, title: d.title ?? d.type, text: d.text })),
      questions,
    });
  }
  return { data: { title, masteryScore, cases }, excluded };
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const html = xml;

/** The imsmanifest.xml of a single-SCO SCORM 1.2 package. */
export function scormManifest(identifier: string, title: string, masteryScore: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(identifier)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="him-sim-org">
    <organization identifier="him-sim-org">
      <title>${xml(title)}</title>
      <item identifier="him-sim-item" identifierref="him-sim-sco" isvisible="true">
        <title>${xml(title)}</title>
        <adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="him-sim-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="data.js"/>
      <file href="runtime.js"/>
      <file href="style.css"/>
    </resource>
  </resources>
</manifest>
`;
}

/**
 * The SCO's run-time, plain ES5 so that any LMS browser runs it. It renders the questions, scores them,
 * and talks to the LMS through the SCORM 1.2 API. `window.HimSimScorm` exposes answer/score/submit so the
 * behaviour can be tested against an API stub.
 */
export const SCORM_RUNTIME = String.raw`(function () {
  'use strict';
  var data = window.HIM_SIM_SCORM;
  var started = new Date().getTime();
  var answers = {};
  var finished = false;

  function findAPI(win) {
    var hops = 0;
    while (win && !win.API && win.parent && win.parent !== win && hops < 10) { win = win.parent; hops++; }
    return win && win.API ? win.API : null;
  }
  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);

  function questions() {
    var out = [];
    for (var c = 0; c < data.cases.length; c++) for (var q = 0; q < data.cases[c].questions.length; q++) out.push(data.cases[c].questions[q]);
    return out;
  }
  function pointsFor(q) {
    var chosen = answers[q.id] || [];
    var has = function (list, id) { return list.indexOf(id) >= 0; };
    if (!q.multiple) return { points: chosen.length === 1 && has(q.correct, chosen[0]) ? 1 : 0, max: 1 };
    var right = 0;
    for (var i = 0; i < q.options.length; i++) {
      var id = q.options[i].id;
      if (has(q.correct, id) === has(chosen, id)) right++;
    }
    return { points: right, max: q.options.length };
  }
  function score() {
    var all = questions(), points = 0, max = 0;
    for (var i = 0; i < all.length; i++) { var p = pointsFor(all[i]); points += p.points; max += p.max; }
    return { points: points, max: max, percent: max > 0 ? Math.round((points / max) * 1000) / 10 : 0 };
  }
  function pad(n, width) { var s = String(n); while (s.length < width) s = '0' + s; return s; }
  function sessionTime(ms) {
    var total = Math.max(0, Math.round(ms / 10)) / 100;
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    return pad(h, 4) + ':' + pad(m, 2) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }
  function answer(questionId, optionIds) { if (!finished) answers[questionId] = optionIds.slice(); }
  function submit() {
    if (finished) return score();
    var s = score();
    finished = true;
    if (api) {
      api.LMSSetValue('cmi.core.score.min', '0');
      api.LMSSetValue('cmi.core.score.max', '100');
      api.LMSSetValue('cmi.core.score.raw', String(s.percent));
      api.LMSSetValue('cmi.core.lesson_status', s.percent >= data.masteryScore ? 'passed' : 'failed');
      api.LMSSetValue('cmi.core.session_time', sessionTime(new Date().getTime() - started));
      api.LMSSetValue('cmi.core.exit', '');
      api.LMSCommit('');
      api.LMSFinish('');
    }
    var out = document.getElementById('result');
    if (out) out.textContent = 'Score ' + s.percent + '% (' + s.points + ' of ' + s.max + ' points): ' + (s.percent >= data.masteryScore ? 'passed' : 'not yet passed; the pass mark is ' + data.masteryScore + '%') + '.';
    var button = document.getElementById('submit');
    if (button) button.disabled = true;
    return s;
  }
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function render() {
    var root = document.getElementById('app');
    if (!root) return;
    root.appendChild(el('h1', data.title));
    if (!api) root.appendChild(el('p', 'No LMS connection was found: your score will not be recorded.'));
    for (var c = 0; c < data.cases.length; c++) {
      var kase = data.cases[c];
      var section = el('section');
      section.appendChild(el('h2', kase.title));
      section.appendChild(el('p', kase.patient));
      for (var d = 0; d < kase.documents.length; d++) {
        var details = el('details');
        details.appendChild(el('summary', kase.documents[d].title));
        details.appendChild(el('pre', kase.documents[d].text));
        section.appendChild(details);
      }
      for (var q = 0; q < kase.questions.length; q++) section.appendChild(renderQuestion(kase.questions[q]));
      root.appendChild(section);
    }
    var button = el('button', 'Submit answers');
    button.id = 'submit';
    button.type = 'button';
    button.onclick = submit;
    root.appendChild(button);
    var result = el('p');
    result.id = 'result';
    result.setAttribute('role', 'status');
    root.appendChild(result);
  }
  function renderQuestion(q) {
    var fieldset = el('fieldset');
    fieldset.appendChild(el('legend', q.prompt + (q.multiple ? ' (select all that apply)' : '')));
    for (var i = 0; i < q.options.length; i++) {
      (function (option) {
        var label = el('label');
        var input = el('input');
        input.type = q.multiple ? 'checkbox' : 'radio';
        input.name = q.id;
        input.value = option.id;
        input.onchange = function () {
          var boxes = fieldset.querySelectorAll('input'), chosen = [];
          for (var k = 0; k < boxes.length; k++) if (boxes[k].checked) chosen.push(boxes[k].value);
          answer(q.id, chosen);
        };
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + option.text));
        fieldset.appendChild(label);
      })(q.options[i]);
    }
    return fieldset;
  }

  window.HimSimScorm = { answer: answer, score: score, submit: submit, sessionTime: sessionTime };
  if (api) {
    api.LMSInitialize('');
    var status = api.LMSGetValue('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSCommit('');
  }
  window.addEventListener('beforeunload', function () { if (api && !finished) { api.LMSSetValue('cmi.core.exit', 'suspend'); api.LMSCommit(''); api.LMSFinish(''); finished = true; } });
  render();
})();
`;

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1c2430;line-height:1.45}
pre{white-space:pre-wrap;background:#f5f6f8;padding:.5rem;border:1px solid #d5dae1}fieldset{margin:.75rem 0;border:1px solid #d5dae1}
label{display:block;margin:.2rem 0}button{font:inherit;padding:.4rem .9rem}:focus-visible{outline:3px solid #f0a400}`;

/** The launch page. The data and run-time are separate files so the page needs no inline script (CSP-friendly). */
function indexHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<main id="app"></main>
<script src="data.js"></script>
<script src="runtime.js"></script>
</body>
</html>
`;
}

/** `window.HIM_SIM_SCORM = {...}`, with "<" escaped so the data can never close a script element. */
export function scormDataScript(data: ScormData): string {
  return `window.HIM_SIM_SCORM = ${JSON.stringify(data).replace(/</g, '\\u003c')};\n`;
}

/** Builds the package (.zip) for a scenario set. */
export function buildScormPackage(title: string, scenarios: readonly Scenario[], options: { masteryScore?: number; identifier?: string } = {}): ScormExport {
  const { data, excluded } = scormData(title, scenarios, options.masteryScore ?? 80);
  const identifier = options.identifier ?? `him-sim-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'package'}`;
  const zip = zipSync(
    {
      'imsmanifest.xml': strToU8(scormManifest(identifier, title, data.masteryScore)),
      'index.html': strToU8(indexHtml(title)),
      'data.js': strToU8(scormDataScript(data)),
      'runtime.js': strToU8(SCORM_RUNTIME),
      'style.css': strToU8(STYLE),
    },
    { level: 6, mtime: new Date('2026-01-01T00:00:00Z') },
  );
  return { zip, data, excluded };
}
