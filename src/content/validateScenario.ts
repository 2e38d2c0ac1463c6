/**
 * Parses and validates scenario files. A broken file yields problems that name the file and the
 * field path; it never throws and never stops the other files (DEVELOPERS.md: bad input gets a clear error).
 */
import * as v from 'valibot';
import { parseDocument, isMap } from 'yaml';
import type { AnyTaskType, AuthoringProblem, TaskServices } from '../domain/tasks/taskTypes';
import { MODULES, scenarioSchema, type ModuleId, type Scenario } from './scenarioSchema';

export interface ScenarioProblem {
  /** Path relative to the scenarios/ folder, e.g. "coding/03-chf.yaml". */
  file: string;
  /** Field path, e.g. "steps[1].answer.pdx"; "(yaml line 3)" for syntax errors; "(file)" for the file as a whole. */
  path: string;
  message: string;
}

export type LoadedScenario =
  | { ok: true; file: string; scenario: Scenario; hash: string }
  | { ok: false; file: string; problems: ScenarioProblem[]; id?: string; title?: string; module?: string; hash: string };

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}

/** A stable content hash (FNV-1a, 32 bit) so saved progress can tell when a scenario file changed. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Turns a valibot issue path into the dotted/bracketed form authors read: steps[1].answer.pdx */
export function formatIssuePath(path: readonly { key: unknown }[] | undefined, prefix = ''): string {
  let out = prefix;
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function describeReceived(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.input === undefined) return 'is required';
  return issue.message;
}

/** Reports valibot issues, keeping only the most specific message per path (unions report many). */
function issuesToProblems(file: string, issues: readonly v.BaseIssue<unknown>[], prefix = ''): ScenarioProblem[] {
  const seen = new Set<string>();
  const problems: ScenarioProblem[] = [];
  for (const issue of issues) {
    const path = formatIssuePath(issue.path, prefix);
    const message = describeReceived(issue);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, path, message });
  }
  return problems;
}

/** Deep comparison of two JSON keys, listing each differing leaf by path (used when a task type has no compareKeys). */
export function genericKeyDifferences(stated: unknown, computed: unknown, path = ''): AuthoringProblem[] {
  if (JSON.stringify(stated) === JSON.stringify(computed)) return [];
  if (Array.isArray(stated) && Array.isArray(computed)) {
    const out: AuthoringProblem[] = [];
    for (let i = 0; i < Math.max(stated.length, computed.length); i++) {
      out.push(...genericKeyDifferences(stated[i], computed[i], `${path}[${i}]`));
    }
    return out;
  }
  if (stated && computed && typeof stated === 'object' && typeof computed === 'object' && !Array.isArray(stated) && !Array.isArray(computed)) {
    const a = stated as Record<string, unknown>;
    const b = computed as Record<string, unknown>;
    const out: AuthoringProblem[] = [];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      out.push(...genericKeyDifferences(a[k], b[k], path ? `${path}.${k}` : k));
    }
    return out;
  }
  return [{ path, message: `stated ${JSON.stringify(stated)}, computed ${JSON.stringify(computed)}` }];
}

function duplicates(ids: string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  ids.forEach((id, i) => at.set(id, [...(at.get(id) ?? []), i]));
  return new Map([...at].filter(([, list]) => list.length > 1));
}

export interface ValidateOptions {
  taskTypes: ReadonlyMap<string, AnyTaskType>;
  services?: TaskServices;
}

/**
 * Validates one scenario file's text. `file` is the path relative to scenarios/ (its first folder must be
 * the scenario's module).
 */
export function validateScenarioText(file: string, text: string, options: ValidateOptions): LoadedScenario {
  const hash = contentHash(text);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      file,
      hash,
      problems: doc.errors.map((e) => ({
        file,
        path: `(yaml line ${e.linePos?.[0]?.line ?? '?'})`,
        message: `YAML syntax error: ${(e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  if (!isMap(doc.contents)) {
    return { ok: false, file, hash, problems: [{ file, path: '(root)', message: 'a scenario file must be a YAML mapping' }] };
  }
  const raw: unknown = doc.toJS();
  const hints = (raw ?? {}) as Record<string, unknown>;
  const brokenMeta = {
    id: typeof hints.id === 'string' ? hints.id : undefined,
    title: typeof hints.title === 'string' ? hints.title : undefined,
    module: typeof hints.module === 'string' ? hints.module : undefined,
  };

  const parsed = v.safeParse(scenarioSchema, raw);
  if (!parsed.success) {
    return { ok: false, file, hash, ...brokenMeta, problems: issuesToProblems(file, parsed.issues) };
  }
  const scenario = parsed.output;
  const problems: ScenarioProblem[] = [];

  const folder = file.split('/').at(-2);
  if (folder && (MODULES as readonly string[]).includes(folder) && folder !== scenario.module) {
    problems.push({ file, path: 'module', message: `is "${scenario.module}" but the file is in scenarios/${folder}/` });
  }
  for (const [id, at] of duplicates(scenario.chart.map((d) => d.id))) {
    problems.push({ file, path: `chart[${at[1]}].id`, message: `duplicate document id "${id}" (also chart[${at[0]}])` });
  }
  for (const [id, at] of duplicates(scenario.steps.map((s) => s.id))) {
    problems.push({ file, path: `steps[${at[1]}].id`, message: `duplicate step id "${id}" (also steps[${at[0]}])` });
  }

  const keys: unknown[] = [];
  const inputs: unknown[] = [];
  scenario.steps.forEach((step, i) => {
    const taskType = options.taskTypes.get(step.type);
    if (!taskType) {
      const known = [...options.taskTypes.keys()].sort().join(', ');
      problems.push({ file, path: `steps[${i}].type`, message: `unknown task type "${step.type}" (known: ${known})` });
      return;
    }
    const answerPath = (p: string) => `steps[${i}].answer${p ? (p.startsWith('[') ? '' : '.') + p : ''}`;
    const input = v.safeParse(taskType.inputSchema, step.input);
    if (!input.success) {
      problems.push(...issuesToProblems(file, input.issues, `steps[${i}].input`));
      return;
    }
    inputs[i] = input.output;
    let stated: unknown;
    if (step.answer !== undefined || !taskType.computeKey) {
      const answer = v.safeParse(taskType.answerSchema, step.answer);
      if (!answer.success) {
        problems.push(...issuesToProblems(file, answer.issues, `steps[${i}].answer`));
        return;
      }
      stated = answer.output;
    }
    const services = options.services ?? {};
    let key = stated;
    if (taskType.computeKey) {
      try {
        key = taskType.computeKey(input.output, scenario, services);
      } catch (error) {
        problems.push({ file, path: `steps[${i}]`, message: `the key could not be computed: ${String(error)}` });
        return;
      }
      if (stated !== undefined) {
        const differences = taskType.compareKeys?.(stated, key) ?? genericKeyDifferences(stated, key);
        problems.push(
          ...differences.map((p) => ({ file, path: answerPath(p.path), message: `stated key disagrees with the computed key: ${p.message}` })),
        );
      }
    }
    keys[i] = key;
    const authoring: AuthoringProblem[] = taskType.checkAnswer?.(key, scenario, services, input.output) ?? [];
    // A task type's check may concern the step's input rather than its key: such paths start with "input".
    problems.push(
      ...authoring.map((p) => ({
        file,
        path: /^input(\.|\[|$)/.test(p.path) ? `steps[${i}].${p.path}` : answerPath(p.path),
        message: p.message,
      })),
    );
  });

  if (problems.length > 0) return { ok: false, file, hash, ...brokenMeta, problems };
  // Keep the validated (normalised) inputs and keys so that the engine never sees raw author input.
  const normalised: Scenario = { ...scenario, steps: scenario.steps.map((s, i) => ({ ...s, input: inputs[i], answer: keys[i] })) };
  return { ok: true, file, hash, scenario: normalised };
}

/** Checks what only a corpus can show: scenario ids must be unique across files. */
export function crossFileProblems(loaded: readonly LoadedScenario[]): ScenarioProblem[] {
  const byId = new Map<string, string[]>();
  for (const item of loaded) {
    const id = item.ok ? item.scenario.id : item.id;
    if (id) byId.set(id, [...(byId.get(id) ?? []), item.file]);
  }
  const problems: ScenarioProblem[] = [];
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file).join(', ');
      problems.push({ file, path: 'id', message: `duplicate scenario id "${id}" (also in ${others})` });
    }
  }
  return problems;
}

/**
 * Validates a whole corpus: each file alone, then cross-file rules. A file that fails a cross-file
 * rule is turned into a broken entry so the catalogue shows why.
 */
export function validateCorpus(files: readonly { file: string; text: string }[], options: ValidateOptions): LoadedScenario[] {
  const loaded = files.map(({ file, text }) => validateScenarioText(file, text, options));
  const cross = crossFileProblems(loaded);
  return loaded.map((item) => {
    const extra = cross.filter((p) => p.file === item.file);
    if (extra.length === 0) return item;
    if (item.ok) {
      return { ok: false, file: item.file, hash: item.hash, id: item.scenario.id, title: item.scenario.title, module: item.scenario.module, problems: extra };
    }
    return { ...item, problems: [...item.problems, ...extra] };
  });
}

export function moduleOf(item: LoadedScenario): ModuleId | 'unknown' {
  const m = item.ok ? item.scenario.module : (item.module ?? item.file.split('/')[0]);
  return (MODULES as readonly string[]).includes(m ?? '') ? (m as ModuleId) : 'unknown';
}
