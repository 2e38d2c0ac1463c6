/**
 * A seeded generator of an EHR access log for privacy-monitoring practice (him-rules.md section 7, AUD-1/AUD-2
 * and red flags RF-1..RF-6). Thousands of ordinary accesses by care teams, ancillary departments and night
 * shifts hide a few inappropriate ones; the generator keeps the ground truth, so the key is computed, never
 * stored. Decoys are planted on purpose: every red-flag report also returns legitimate rows.
 */
import { mulberry32, randomHelpers } from '../random';
import type { Citation } from '../tasks/taskTypes';

export const VIOLATION_PATTERNS = ['family', 'self', 'coworker', 'vip', 'no-relationship', 'after-hours', 'btg-no-emergency'] as const;
export type ViolationPattern = (typeof VIOLATION_PATTERNS)[number];

export const PATTERN_LABELS: Record<ViolationPattern, string> = {
  family: 'Family member’s record',
  self: 'Own record',
  coworker: 'Coworker’s record',
  vip: 'VIP / newsworthy patient',
  'no-relationship': 'No treatment or work relationship',
  'after-hours': 'After-hours browsing',
  'btg-no-emergency': 'Break-the-glass without an emergency',
};

const rulesRef = (id: string, text: string): Citation => ({ source: 'him-rules.md section 7', section: id, text });
export const PATTERN_CITATIONS: Record<ViolationPattern, Citation> = {
  family: rulesRef('RF-1', 'User and patient share surname and/or address (family)'),
  self: rulesRef('RF-2', 'Employee viewing their own record against policy'),
  coworker: rulesRef('RF-2', 'The patient is a coworker and the user has no care role'),
  vip: rulesRef('RF-3', 'VIP or newsworthy patient viewed by staff with no care role'),
  'no-relationship': rulesRef('RF-4', 'No treatment relationship: not on the care team or unit, no work reason'),
  'after-hours': rulesRef('RF-6', 'Access off-shift or long after discharge without a work reason'),
  'btg-no-emergency': rulesRef('RF-5', 'Break-the-glass without a documented emergency'),
};
export const AUDIT_CONTROLS: Citation = { source: '45 CFR', section: '164.308(a)(1)(ii)(D), 164.312(b)', text: 'Information system activity review and audit controls [AUD-1]' };

export const ACTIONS = ['view', 'print', 'export', 'edit'] as const;
export type AccessAction = (typeof ACTIONS)[number];

export const DEPARTMENTS = ['ED', 'ICU', '4W Med/Surg', '5E Oncology', 'L&D', 'Behavioral Health', 'Radiology', 'Laboratory', 'Pharmacy', 'Patient Financial Services', 'HIM', 'Registration'] as const;
export type Department = (typeof DEPARTMENTS)[number];
/** Units where patients stay; the rest are ancillary or business departments with hospital-wide work. */
const CARE_UNITS: Department[] = ['ED', 'ICU', '4W Med/Surg', '5E Oncology', 'L&D', 'Behavioral Health'];
const WIDE_ACCESS: Partial<Record<Department, { role: string; reasons: string[]; actions: AccessAction[] }>> = {
  Radiology: { role: 'Radiologic technologist', reasons: ['Imaging'], actions: ['view', 'edit'] },
  Laboratory: { role: 'Medical lab scientist', reasons: ['Results entry'], actions: ['view', 'edit'] },
  Pharmacy: { role: 'Pharmacist', reasons: ['Medication verification'], actions: ['view', 'edit'] },
  'Patient Financial Services': { role: 'Billing specialist', reasons: ['Billing'], actions: ['view', 'print'] },
  HIM: { role: 'HIM coder', reasons: ['Coding', 'Release of information'], actions: ['view', 'print'] },
  Registration: { role: 'Registration clerk', reasons: ['Registration'], actions: ['view', 'edit'] },
};
const UNIT_ROLES = ['Registered nurse', 'Registered nurse', 'Registered nurse', 'Physician', 'Resident physician', 'Unit secretary'];

export type Shift = 'day' | 'night';
export interface StaffMember {
  userId: string;
  name: string;
  family: string;
  role: string;
  department: Department;
  shift: Shift;
  address: string;
}
export interface CensusPatient {
  mrn: string;
  name: string;
  family: string;
  address: string;
  unit: Department;
  admitted: string;
  discharged: string;
  vip: boolean;
  /** The patient is an employee (user id). */
  employeeId?: string;
}
export interface AccessRow {
  /** Row number, 1-based, stable: what the learner flags. */
  id: number;
  time: string;
  userId: string;
  userName: string;
  role: string;
  department: Department;
  shift: Shift;
  mrn: string;
  patientName: string;
  patientUnit: Department;
  action: AccessAction;
  screen: string;
  reason: string;
  breakTheGlass: boolean;
  /** Red-flag markers an audit tool computes (not proof): surname, address, VIP, employee, BTG, off-shift. */
  flags: string[];
}
export interface Incident {
  id: string;
  pattern: ViolationPattern;
  rowIds: number[];
  userId: string;
  userName: string;
  mrn: string;
  patientName: string;
  explanation: string;
}
export interface AccessLog {
  rows: AccessRow[];
  staff: StaffMember[];
  patients: CensusPatient[];
  incidents: Incident[];
  start: string;
  days: number;
}

export interface AccessLogParams {
  seed: number;
  rows?: number;
  days?: number;
  start?: string;
  /** How many incidents to hide (spread over the patterns). */
  incidents?: number;
  patterns?: ViolationPattern[];
}

/** The log's seeded source (mulberry32, src/domain/random.ts); the seed is scrambled so nearby seeds differ. */
function prng(seed: number) {
  return randomHelpers(mulberry32((seed * 2654435761) >>> 0));
}

const STAFF_GIVEN = ['Alma', 'Bao', 'Cyrus', 'Dagny', 'Emeka', 'Farah', 'Gideon', 'Hana', 'Ivo', 'Jolene', 'Kofi', 'Lior', 'Mireille', 'Nils', 'Oona', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Teodora', 'Uri', 'Vesna', 'Wyatt', 'Xiomara', 'Yusuf', 'Zelda'];
const STAFF_FAMILY = ['Abernathy', 'Bhattacharya', 'Castellanos', 'Dragomir', 'Eskildsen', 'Fairweather', 'Grünewald', 'Halloran', 'Iwasaki', 'Jovanovic', 'Kowalczyk', 'Lindgren', 'Mbeki', 'Nordqvist', 'Ostrowski', 'Pemberton', 'Quaresma', 'Rasmussen', 'Szilagyi', 'Tennant', 'Ueda', 'Valdivia', 'Whitlock', 'Yilmaz', 'Zamora', 'Achebe', 'Beaumont', 'Carrick', 'Delacroix', 'Everly'];
const PATIENT_GIVEN = ['Ada', 'Bruno', 'Celeste', 'Dorian', 'Elsie', 'Fitz', 'Greer', 'Hollis', 'Imogen', 'Jasper', 'Kit', 'Leona', 'Magnus', 'Nell', 'Otto', 'Pia', 'Rhett', 'Saskia', 'Tobin', 'Vera', 'Wendell', 'Yara'];
const PATIENT_FAMILY = ['Ambrose', 'Birkett', 'Coldwell', 'Dunleavy', 'Ekwueme', 'Fenwick', 'Galloway', 'Hargreave', 'Inchbald', 'Jessop', 'Kettering', 'Lockhart', 'Marlowe', 'Nightingale', 'Oakes', 'Prentice', 'Quigley', 'Ravenscroft', 'Sutcliffe', 'Thorne', 'Underhill', 'Vickery', 'Wainwright', 'Yardley', 'Ashdown', 'Blackwood', 'Crane', 'Draycott', 'Ellery', 'Faraday'];
const STREETS = ['Alder Way', 'Birch Ct', 'Cedar Ln', 'Dogwood Dr', 'Elm St', 'Fir Rd', 'Hemlock Ave', 'Juniper Pl', 'Laurel St', 'Maple Ave'];
const SCREENS = ['Summary', 'Notes', 'Results', 'Medications', 'Orders', 'Imaging', 'Demographics', 'Problem list'];
const VIP_NOTE = ['local news anchor', 'city council member', 'professional athlete', 'state senator'];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const dayCache = new Map<string, string>();
/** Facility-local time `minutes` after midnight of `isoStart` (day strings cached: 10,000 rows format fast). */
function addMinutes(isoStart: string, minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const k = `${isoStart}|${day}`;
  let d = dayCache.get(k);
  if (d === undefined) {
    d = new Date(Date.parse(`${isoStart}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    dayCache.set(k, d);
  }
  const rest = minutes - day * 1440;
  return `${d}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}
/** Hour of a row's time. */
export function hourOf(time: string): number {
  // Two char codes instead of slice + Number: this runs once per row in the off-hours report.
  return (time.charCodeAt(11) - 48) * 10 + (time.charCodeAt(12) - 48);
}
/** Day shift 07:00-18:59, night shift 19:00-06:59 (the facility's 12-hour shifts). */
export function isOnShift(shift: Shift, hour: number): boolean {
  return shift === 'day' ? hour >= 7 && hour < 19 : hour >= 19 || hour < 7;
}

/**
 * Generates the log (AUD-1 information-system activity review practice). Deterministic for the parameters.
 * Rows are sorted by time and numbered from 1.
 */
export function generateAccessLog(params: AccessLogParams): AccessLog {
  const r = prng(params.seed);
  const total = params.rows ?? 10_000;
  const days = params.days ?? 7;
  const start = params.start ?? '2026-03-02';
  const wantIncidents = params.incidents ?? 10;
  const patterns = params.patterns && params.patterns.length > 0 ? params.patterns : [...VIOLATION_PATTERNS];
  const minutesInLog = days * 24 * 60;
  const address = () => `${r.int(100, 9899)} ${r.pick(STREETS)}, Larkspur`;

  // Staff roster: every unit has care staff on both shifts; ancillary departments have hospital-wide roles.
  const staff: StaffMember[] = [];
  let uid = 10_000;
  const usedStaffNames = new Set<string>();
  const newStaff = (department: Department, role: string, shift: Shift): StaffMember => {
    let given = r.pick(STAFF_GIVEN);
    let family = r.pick(STAFF_FAMILY);
    while (usedStaffNames.has(`${given} ${family}`)) {
      given = r.pick(STAFF_GIVEN);
      family = r.pick(STAFF_FAMILY);
    }
    usedStaffNames.add(`${given} ${family}`);
    const s: StaffMember = { userId: `U${(uid += r.int(3, 40))}`, name: `${given} ${family}`, family, role, department, shift, address: address() };
    staff.push(s);
    return s;
  };
  for (const unit of CARE_UNITS) for (const shift of ['day', 'night'] as const) for (let i = 0; i < 8; i++) newStaff(unit, UNIT_ROLES[i % UNIT_ROLES.length]!, shift);
  for (const [dept, spec] of Object.entries(WIDE_ACCESS)) {
    const business = dept === 'Patient Financial Services' || dept === 'HIM';
    for (let i = 0; i < 5; i++) newStaff(dept as Department, spec.role, business ? 'day' : i % 2 === 0 ? 'day' : 'night');
  }

  // Census: patients on the care units, with stays overlapping the log window.
  const patients: CensusPatient[] = [];
  let mrnSeq = 2_100_000 + r.int(0, 50_000);
  const newPatient = (unit: Department, given: string, family: string, addr: string): CensusPatient => {
    const admittedAt = r.int(-3 * 24 * 60, minutesInLog - 12 * 60);
    const stay = r.int(8 * 60, 6 * 24 * 60);
    const p: CensusPatient = { mrn: `SIM-${(mrnSeq += r.int(7, 400))}`, name: `${given} ${family}`, family, address: addr, unit, admitted: addMinutes(start, admittedAt), discharged: addMinutes(start, Math.min(admittedAt + stay, minutesInLog + 3 * 24 * 60)), vip: false };
    patients.push(p);
    return p;
  };
  const patientCount = Math.max(60, Math.round(total / 30));
  for (let i = 0; i < patientCount; i++) newPatient(r.pick(CARE_UNITS), r.pick(PATIENT_GIVEN), r.pick(PATIENT_FAMILY), address());
  for (let i = 0; i < 3; i++) {
    const p = r.pick(patients);
    p.vip = true;
  }

  const rows: (Omit<AccessRow, 'id' | 'flags'> & { minute: number })[] = [];
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const toMinutes = (iso: string) => (Date.parse(`${iso}:00Z`) - startMs) / 60_000;
  const rowFor = (s: StaffMember, p: CensusPatient, minute: number, action: AccessAction, reason: string, btg = false) => ({
    minute,
    time: addMinutes(start, minute),
    userId: s.userId,
    userName: s.name,
    role: s.role,
    department: s.department,
    shift: s.shift,
    mrn: p.mrn,
    patientName: p.name,
    patientUnit: p.unit,
    action,
    screen: r.pick(SCREENS),
    reason,
    breakTheGlass: btg,
  });
  /** A minute inside the staff member's shift and the patient's stay (and the log window). */
  const workMinute = (s: StaffMember, p: CensusPatient): number | undefined => {
    const lo = Math.max(0, toMinutes(p.admitted));
    const hi = Math.min(minutesInLog - 1, toMinutes(p.discharged));
    if (hi <= lo) return undefined;
    for (let tries = 0; tries < 12; tries++) {
      const m = r.int(lo, hi);
      if (isOnShift(s.shift, Math.floor((m % 1440) / 60))) return m;
    }
    return undefined;
  };

  // Incidents first (their rows are few), then fill with legitimate work.
  const incidents: Incident[] = [];
  const incidentRows = new Map<number, string>();
  const plant = (pattern: ViolationPattern, k: number) => {
    const careStaff = staff.filter((s) => CARE_UNITS.includes(s.department));
    const user = r.pick(careStaff);
    let patient: CensusPatient;
    let explanation: string;
    let reason = '';
    let btg = false;
    const otherUnit = (not: Department) => r.pick(CARE_UNITS.filter((u) => u !== not));
    let minute = r.int(0, minutesInLog - 1);
    const onShiftMinute = () => {
      for (let t = 0; t < 50; t++) {
        const m = r.int(0, minutesInLog - 1);
        if (isOnShift(user.shift, Math.floor((m % 1440) / 60))) return m;
      }
      return minute;
    };
    switch (pattern) {
      case 'family': {
        patient = newPatient(otherUnit(user.department), r.pick(PATIENT_GIVEN), user.family, user.address);
        explanation = `${user.name} (${user.role}, ${user.department}) opened the record of ${patient.name}, who shares the user's surname and home address, on ${patient.unit} where the user has no assignment: a family member's record viewed out of curiosity is an impermissible use.`;
        minute = onShiftMinute();
        break;
      }
      case 'self': {
        patient = newPatient(otherUnit(user.department), user.name.split(' ')[0]!, user.family, user.address);
        patient.employeeId = user.userId;
        explanation = `${user.name} viewed their own record (${patient.mrn}). Policy requires employees to use the patient portal or the HIM access process (164.524), not their work login.`;
        minute = onShiftMinute();
        break;
      }
      case 'coworker': {
        const colleague = r.pick(staff.filter((s) => s.department === user.department && s.userId !== user.userId));
        patient = newPatient(otherUnit(user.department), colleague.name.split(' ')[0]!, colleague.family, colleague.address);
        patient.employeeId = colleague.userId;
        explanation = `${user.name} (${user.department}) viewed the record of coworker ${colleague.name}, admitted to ${patient.unit}, with no care assignment or work reason.`;
        minute = onShiftMinute();
        break;
      }
      case 'vip': {
        patient = newPatient(otherUnit(user.department), r.pick(PATIENT_GIVEN), r.pick(PATIENT_FAMILY), address());
        patient.vip = true;
        explanation = `${patient.name} (${r.pick(VIP_NOTE)}, confidential flag) was viewed by ${user.name}, ${user.role} on ${user.department}, who is not on the care team on ${patient.unit}.`;
        minute = onShiftMinute();
        break;
      }
      case 'no-relationship': {
        patient = r.pick(patients.filter((p) => p.unit !== user.department && !p.vip && !p.employeeId));
        explanation = `${user.name} (${user.role}, ${user.department}) opened ${patient.name} on ${patient.unit}: no assignment, no orders or notes, no work reason recorded.`;
        minute = onShiftMinute();
        break;
      }
      case 'after-hours': {
        patient = r.pick(patients.filter((p) => p.unit === user.department && !p.vip && !p.employeeId));
        explanation = `${user.name} (${user.shift}-shift ${user.role}) browsed ${patient.name} while off shift, with no work reason; being on the patient's unit does not make off-duty browsing a work need.`;
        // Well outside the shift (not a late-charting overlap): 22:00-04:59 for day staff, 10:00-15:59 for nights.
        for (let t = 0; t < 200; t++) {
          const m = r.int(0, minutesInLog - 1);
          const h = Math.floor((m % 1440) / 60);
          if (user.shift === 'day' ? h >= 22 || h < 5 : h >= 10 && h < 16) {
            minute = m;
            break;
          }
        }
        break;
      }
      case 'btg-no-emergency': {
        patient = r.pick(patients.filter((p) => p.unit !== 'ED' && p.unit !== user.department && !p.vip && !p.employeeId));
        btg = true;
        reason = r.pick(['just checking', 'curious', 'follow up', 'n/a']);
        explanation = `${user.name} broke the glass on ${patient.name} (${patient.unit}) giving "${reason}": no emergency, and the user is not on the care team.`;
        minute = onShiftMinute();
        break;
      }
    }
    const count = pattern === 'btg-no-emergency' ? 1 : r.int(1, 3);
    const rowIdx: number[] = [];
    for (let i = 0; i < count; i++) {
      rows.push(rowFor(user, patient, Math.min(minutesInLog - 1, minute + i * r.int(1, 9)), i === 0 ? 'view' : r.pick(['view', 'view', 'print'] as const), reason, btg));
      rowIdx.push(rows.length - 1);
    }
    const id = `I${k + 1}`;
    for (const i of rowIdx) incidentRows.set(i, id);
    incidents.push({ id, pattern, rowIds: rowIdx, userId: user.userId, userName: user.name, mrn: patient.mrn, patientName: patient.name, explanation });
  };
  for (let k = 0; k < wantIncidents; k++) plant(patterns[k % patterns.length]!, k);

  // Decoys: a same-surname nurse caring for an unrelated patient on her own unit, legitimate ED break-the-glass,
  // night-shift work, and VIP care by the care team. They make every red-flag report need judgement.
  const legitimate = (s: StaffMember, p: CensusPatient, reason: string, btg = false, actions: readonly AccessAction[] = ['view', 'view', 'view', 'edit', 'print']) => {
    const m = workMinute(s, p);
    if (m === undefined) return;
    rows.push(rowFor(s, p, m, r.pick(actions), reason, btg));
  };
  const staffByDept = new Map<Department, StaffMember[]>();
  for (const s of staff) staffByDept.set(s.department, [...(staffByDept.get(s.department) ?? []), s]);
  const unitStaff = (unit: Department) => staffByDept.get(unit) ?? [];
  // Float nurses covering another unit, with the assignment as their reason (RF-4 decoys).
  for (let i = 0; i < 6; i++) {
    const nurse = r.pick(staff.filter((s) => CARE_UNITS.includes(s.department) && s.role === 'Registered nurse'));
    const covered = r.pick(CARE_UNITS.filter((u) => u !== nurse.department));
    const p = r.pick(patients.filter((x) => x.unit === covered && !x.vip && !x.employeeId));
    for (let j = 0; j < 2; j++) legitimate(nurse, p, `Float assignment - covering ${covered}`);
  }
  // Late documentation within 90 minutes after the shift ends, on the unit's own patients (RF-6 decoys).
  for (let i = 0; i < Math.max(8, Math.round(total / 600)); i++) {
    const s = r.pick(staff.filter((x) => CARE_UNITS.includes(x.department)));
    const p = r.pick(patients.filter((x) => x.unit === s.department));
    const day = r.int(0, days - 1);
    const m = day * 1440 + (s.shift === 'day' ? 19 * 60 : 7 * 60) + r.int(0, 89);
    if (m < minutesInLog) rows.push(rowFor(s, p, m, 'edit', 'Late documentation'));
  }
  for (let i = 0; i < 4; i++) {
    const nurse = r.pick(staff.filter((s) => CARE_UNITS.includes(s.department)));
    const namesake = newPatient(nurse.department, r.pick(PATIENT_GIVEN), nurse.family, address());
    for (let j = 0; j < 3; j++) legitimate(nurse, namesake, 'Treatment');
  }

  while (rows.length < total) {
    const p = r.pick(patients);
    if (p.employeeId && r.next() < 0.9) continue;
    const roll = r.next();
    if (roll < 0.7) {
      const s = r.pick(unitStaff(p.unit));
      const btg = p.unit === 'ED' && r.next() < 0.02;
      legitimate(s, p, btg ? r.pick(['Emergency - trauma activation', 'Emergency - unresponsive patient', 'Emergency - code blue']) : 'Treatment', btg);
    } else {
      const dept = r.pick(Object.keys(WIDE_ACCESS)) as Department;
      const spec = WIDE_ACCESS[dept]!;
      legitimate(r.pick(unitStaff(dept)), p, r.pick(spec.reasons), false, spec.actions);
    }
  }

  // Sort by time, number rows, compute the audit tool's red-flag markers.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.minute - rows[b]!.minute || a - b);
  const byMrn = new Map(patients.map((p) => [p.mrn, p]));
  const byUser = new Map(staff.map((s) => [s.userId, s]));
  const newId = new Map<number, number>();
  const finalRows: AccessRow[] = order.map((oldIndex, i) => {
    newId.set(oldIndex, i + 1);
    const row = rows[oldIndex]!;
    const p = byMrn.get(row.mrn)!;
    const s = byUser.get(row.userId)!;
    const flags: string[] = [];
    if (p.family === s.family) flags.push('surname');
    if (p.address === s.address) flags.push('address');
    if (p.vip) flags.push('VIP');
    if (p.employeeId) flags.push('employee');
    if (row.breakTheGlass) flags.push('BTG');
    if (!isOnShift(s.shift, hourOf(row.time))) flags.push('off-shift');
    // An explicit literal with a fixed key order keeps every row the same hidden class: filters stay monomorphic.
    return {
      id: i + 1,
      time: row.time,
      userId: row.userId,
      userName: row.userName,
      role: row.role,
      department: row.department,
      shift: row.shift,
      mrn: row.mrn,
      patientName: row.patientName,
      patientUnit: row.patientUnit,
      action: row.action,
      screen: row.screen,
      reason: row.reason,
      breakTheGlass: row.breakTheGlass,
      flags,
    };
  });
  for (const inc of incidents) inc.rowIds = inc.rowIds.map((old) => newId.get(old)!).sort((a, b) => a - b);
  return { rows: finalRows, staff, patients, incidents, start, days };
}

/**
 * Why an unflagged row is ordinary work, for feedback on a false positive (AUD-1 review: a red flag is not
 * proof, him-rules.md section 7).
 */
export function whyLegitimate(row: AccessRow): string {
  if (row.breakTheGlass) return `Break-the-glass with a documented emergency ("${row.reason}") in the ED.`;
  if (row.department === row.patientUnit && row.flags.includes('off-shift'))
    return `${row.role} finishing documentation ("${row.reason}") shortly after the ${row.shift} shift ended, on a patient of their own unit.`;
  if (row.department === row.patientUnit) {
    const surname = row.flags.includes('surname') && !row.flags.includes('address') ? ' A shared surname alone, with a different address, is a coincidence here.' : '';
    return `${row.role} on ${row.department}, the patient's own unit, working ${row.shift} shift: a treatment relationship.${surname}`;
  }
  if (row.reason) return `${row.role} (${row.department}) with a work reason ("${row.reason}") that fits the role: hospital-wide ancillary or business work.`;
  return 'An ordinary access in the course of work.';
}
