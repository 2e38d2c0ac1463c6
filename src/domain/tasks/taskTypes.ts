/**
 * The contract every task module implements (coding, completeness, ROI, ...).
 *
 * A module registers its task types here; the case engine, the scenario checker, the shift and the
 * review features only ever talk to this interface, so a new module plugs in without changes to them.
 */
import type * as v from 'valibot';
import type { Scenario } from '../../content/scenarioSchema';
import type { CodingReference } from '../coding/reference';
import type { GrouperService } from '../drg/grouperService';

/** Where a finding comes from: a guideline, regulation or policy a learner can look up. */
export interface Citation {
  /** e.g. "ICD-10-CM Official Guidelines FY2026", "45 CFR", "42 CFR", "AHIMA/ACDIS query practice 2022". */
  source: string;
  /** e.g. "Section II", "I.C.9.a.1", "164.508(c)(1)". */
  section: string;
  /** A short paraphrase of what the rule says. */
  text?: string;
}

/** A pointer into the chart that proves the right answer. */
export interface Evidence {
  documentId: string;
  /** A verbatim excerpt of the document text; the chart viewer highlights it. */
  quote?: string;
}

export type FindingOutcome = 'correct' | 'partial' | 'incorrect' | 'missed' | 'extra' | 'info';

/** One graded observation about a learner's answer. Never just "incorrect": always says why. */
export interface Finding {
  outcome: FindingOutcome;
  /** Machine id of the error class, e.g. "coding.pdx-wrong", recorded with the attempt for review drills. */
  errorType?: string;
  /** What the finding is about, e.g. "Principal diagnosis". */
  subject: string;
  /** Plain-language explanation. */
  message: string;
  points: number;
  maxPoints: number;
  citation?: Citation;
  evidence?: Evidence;
}

export interface StepResult {
  stepId: string;
  taskType: string;
  score: number;
  maxScore: number;
  findings: Finding[];
}

/** A problem an author must fix, with the field path inside the step's `answer` (or the scenario). */
export interface AuthoringProblem {
  /** Path relative to the scenario root, e.g. "steps[1].answer.pdx". */
  path: string;
  message: string;
}

/** What a task type may consult while validating or scoring (code sets, grouper...). */
export interface TaskServices {
  /** Looks up a diagnosis or procedure code for the case's discharge date; absent until code sets are loaded. */
  codeInfo?: (code: string, kind: 'dx' | 'pcs', dischargeDate: string) => CodeInfo;
  /** Code-set facts for coding feedback (tabular notes, PCS character meanings); absent until code sets are loaded. */
  codingReference?: CodingReference;
  /** The MS-DRG v43 grouper; absent until its tables are loaded. */
  grouper?: GrouperService;
}

export interface CodeInfo {
  /** The code with its dot (ICD-10-CM) or as is (PCS). */
  display: string;
  status: 'reportable' | 'header' | 'invalid' | 'not-yet-valid' | 'no-longer-valid';
  title?: string;
  /** Plain-language reason when not reportable, e.g. "I50 is a category: add a 4th character (I50.1-I50.9)". */
  hint?: string;
}

/**
 * One task type.
 * - `Input` is what the learner is given beyond the chart (e.g. an ROI request, an access-log seed), from
 *   `steps[n].input`; task types that need nothing use `v.optional(v.unknown())`.
 * - `Answer` is the key. Where rules allow, `computeKey` derives it from the chart and input; an author may still
 *   state `steps[n].answer`, and the checker then reports every item where the stated and computed keys differ.
 * - `Response` is what a learner produces. All three are plain JSON so they persist in IndexedDB.
 */
export interface TaskType<Input = unknown, Answer = unknown, Response = unknown> {
  /** The `type:` of a step in a scenario file, e.g. "coding". */
  id: string;
  /** The catalogue module it belongs to (scenarios/<module>/), or "any". */
  module: string;
  label: string;
  inputSchema: v.GenericSchema<unknown, Input>;
  answerSchema: v.GenericSchema<unknown, Answer>;
  responseSchema: v.GenericSchema<unknown, Response>;
  /** Derives the key from the chart by rules (deficiency rules, ROI rules, grouper...). */
  computeKey?: (input: Input, scenario: Scenario, services: TaskServices) => Answer;
  /** Lists the differences between an author's stated key and the computed one (empty when they agree). */
  compareKeys?: (stated: Answer, computed: Answer) => AuthoringProblem[];
  /**
   * Rules-based checks of a key (e.g. a category given as a code), beyond the schema. Problem paths are
   * relative to the step's `answer`, or start with "input" when the problem lies in the step's input.
   */
  checkAnswer?: (answer: Answer, scenario: Scenario, services: TaskServices, input: Input) => AuthoringProblem[];
  /** The learner's starting response for a fresh step. */
  emptyResponse: (input: Input, scenario: Scenario) => Response;
  /** Whether the learner has given enough to submit (guards the submit event). */
  isResponseComplete: (response: Response, input: Input) => boolean;
  /** Scores a response against the key. Pure and total: never throws on a learner's mistake. */
  score: (
    response: Response,
    key: Answer,
    scenario: Scenario,
    services: TaskServices,
    input: Input,
  ) => Omit<StepResult, 'stepId' | 'taskType'>;
}

// The registry is deliberately heterogeneous: each entry keeps its own Input/Answer/Response types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTaskType = TaskType<any, any, any>;
