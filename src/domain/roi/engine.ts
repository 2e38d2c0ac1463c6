/**
 * The ROI rules engine: from a request, its authorization, the patient and the chart inventory to a decision,
 * the exact documents and dates to release, every reason with its citation, the deadline, the fee rule and
 * whether the disclosure is accounted for (him-rules.md section 1). Pure and total: incomplete data yields
 * "request more information" with the missing items, never an exception.
 */
import type { Citation } from '../tasks/taskTypes';
import { problemCodes, type AuthorizationProblemCode } from './authorization';
import { CITE } from './citations';
import {
  accountingRule,
  buildContext,
  checkRequestCompleteness,
  checkVerification,
  determineBasis,
  feeRule,
  isRequested,
  minimumNecessaryApplies,
  minorConsentedCareRule,
  part2Rule,
  psychotherapyNotesRule,
  responseDeadline,
  scopeRule,
  selfPayRestrictionRule,
  stateLawRule,
  type Basis,
  type Decision,
  type FeeRule,
  type Reason,
} from './rules';
import { DEFAULT_POLICY, type RoiCase, type RoiPolicy } from './roiSchema';

export interface WithheldDocument {
  documentId: string;
  ruleId: string;
  message: string;
  citation: Citation;
}

export interface RoiDecision {
  decision: Decision;
  basis?: Basis;
  /** Documents to release, in inventory order. */
  release: string[];
  /** First and last date of the released documents. */
  dateRange?: { from: string; to: string };
  /** Requested documents that must not go, each with its rule. */
  withheld: WithheldDocument[];
  reasons: Reason[];
  /** What to ask the requester for (decision "request-more-information"). */
  missing: string[];
  dueDate: string;
  deadlineRule: string;
  deadlineCitation: Citation;
  fee: FeeRule;
  feeCitation: Citation;
  accounting: boolean;
  accountingReason: string;
  accountingCitation: Citation;
  /** Problems of the attached authorization, if any (check-list codes). */
  authorizationProblems: AuthorizationProblemCode[];
  /** Things to send with the release (e.g. the Part 2 redisclosure notice). */
  notices: string[];
}

/**
 * Decides an ROI request (45 CFR 164.502-164.528, 42 CFR Part 2; him-rules.md 1.1-1.11).
 * Order: completeness and identity (164.514(h)); legal basis (164.506/164.508/164.512/164.524/164.502(g));
 * per-document limits (scope, psychotherapy notes, Part 2, minors, self-pay, state law); then deadline, fee and
 * accounting.
 */
export function decideRelease(roiCase: RoiCase, policy: RoiPolicy = DEFAULT_POLICY): RoiDecision {
  const ctx = buildContext(roiCase, policy);
  const reasons: Reason[] = [...checkRequestCompleteness(ctx), ...checkVerification(ctx)];
  const basis = determineBasis(ctx);
  reasons.push(...basis.reasons);
  const deadline = responseDeadline(ctx);
  const authorizationProblems = problemCodes(ctx.authorizationProblems);
  const finish = (decision: Decision, release: string[], withheld: WithheldDocument[], notices: string[] = []): RoiDecision => {
    const fee = feeRule(basis.basis, decision);
    const accounting = accountingRule(basis.basis, release.length > 0);
    const dates = roiCase.inventory.filter((i) => release.includes(i.documentId)).map((i) => i.date).sort();
    return {
      decision,
      basis: basis.basis,
      release,
      dateRange: dates.length > 0 ? { from: dates[0]!, to: dates[dates.length - 1]! } : undefined,
      withheld,
      reasons,
      missing: reasons.filter((r) => r.effect === 'needs').map((r) => r.message),
      dueDate: deadline.dueDate,
      deadlineRule: deadline.rule,
      deadlineCitation: deadline.citation,
      fee: fee.rule,
      feeCitation: fee.citation,
      accounting: accounting.required,
      accountingReason: accounting.reason,
      accountingCitation: accounting.citation,
      authorizationProblems,
      notices,
    };
  };

  // An authorization attached to a request that does not rest on it (treatment, right of access...) only matters
  // for the sensitive classes it names; say so when it is not valid.
  if (roiCase.authorization && basis.basis !== undefined && basis.basis !== 'authorization' && ctx.authorizationProblems.length > 0) {
    reasons.push({ ruleId: 'AUTH-D2', effect: 'info', message: 'The attached authorization is defective, so it cannot release any record class it names.', citation: CITE.defective });
  }
  if (basis.denied) return finish('deny', [], []);
  if (reasons.some((r) => r.effect === 'needs') || basis.basis === undefined) return finish('request-more-information', [], []);

  const release: string[] = [];
  const withheld: WithheldDocument[] = [];
  const requested = roiCase.inventory.filter((item) => isRequested(item, ctx));
  for (const item of requested) {
    const b = basis.basis;
    const checks = [
      scopeRule(item, basis),
      psychotherapyNotesRule(item, ctx, b),
      part2Rule(item, ctx, basis),
      minorConsentedCareRule(item, basis),
      selfPayRestrictionRule(item, b),
      stateLawRule(item, ctx, b, 'hiv'),
      stateLawRule(item, ctx, b, 'mental-health'),
    ].filter((r): r is Reason => r !== undefined);
    const blocking = checks.find((r) => r.effect === 'withholds');
    if (blocking) {
      withheld.push({ documentId: item.documentId, ruleId: blocking.ruleId, message: blocking.message, citation: blocking.citation });
      reasons.push(blocking);
    } else {
      release.push(item.documentId);
      reasons.push(...checks);
    }
  }
  if (minimumNecessaryApplies(basis.basis))
    reasons.push({ ruleId: 'MN-1', effect: 'limits', message: 'Minimum necessary applies: send only what was asked for, for this purpose.', citation: CITE.minimumNecessary });
  else if (basis.basis !== 'not-phi')
    reasons.push({ ruleId: 'MN-2', effect: 'info', message: 'Minimum necessary does not apply to this disclosure; still send only what was requested.', citation: CITE.minimumNecessaryExceptions });

  const notices: string[] = [];
  const releasedPart2 = roiCase.inventory.some((i) => release.includes(i.documentId) && i.recordTypes.includes('sud-part2'));
  if (releasedPart2 && roiCase.request.requester.kind !== 'patient') notices.push('Attach the 42 CFR 2.32 notice prohibiting redisclosure (or a copy of the consent).');

  if (requested.length === 0) {
    reasons.push({ ruleId: 'NO-RECORDS', effect: 'denies', message: 'No document in the record matches the request: answer that no records were found.', citation: CITE.minimumNecessary });
    return finish('deny', [], []);
  }
  if (release.length === 0) {
    if (basis.basis === 'right-of-access') reasons.push({ ruleId: 'ACC-7', effect: 'denies', message: 'Everything requested is excluded from access: send a written denial with its basis.', citation: CITE.accessExcludesPsychotherapyNotes });
    return finish('deny', [], withheld, notices);
  }
  return finish(withheld.length > 0 ? 'release-in-part' : 'release', release, withheld, notices);
}
