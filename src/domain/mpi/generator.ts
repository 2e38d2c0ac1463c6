/**
 * Seeded generator of a synthetic master patient index with the error patterns HIM staff meet in real
 * MPIs (him-rules.md section 6): duplicates (MPI-D1, causes MPI-C1..C3), overlays (MPI-D2), overlaps
 * (MPI-D3), twins (MPI-C4) and Jr/Sr (MPI-C5) that must NOT be merged. Ground truth (which rows are the
 * same person) is kept, so every MPI exercise is keyed from the generator rather than by hand.
 */
import { CITIES, FAMILY, FEMALE_GIVEN, MALE_GIVEN, NICKNAMES, STREETS } from './names';
import { seededRandom, type Random } from '../random';
import type {
  Address,
  Demographics,
  DuplicateCause,
  FacilityId,
  Mpi,
  MpiRecord,
  RetrievalCase,
  RetrievalKind,
  Sex,
  TruthPair,
} from './types';

export const DEFAULT_MPI_SIZE = 5000;
/** Retrieval requests generated per MPI (scenarios pick them by number). */
export const RETRIEVAL_CASES = 12;

interface Person extends Demographics {
  id: string;
}

const DUPLICATE_CAUSES: readonly DuplicateCause[] = [
  'transposed-dob',
  'nickname',
  'married-name',
  'missing-middle',
  'typo',
  'swapped-names',
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function randomDate(rng: Random, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  return isoDate(y, m, rng.int(1, daysInMonth(y, m)));
}

function addYears(iso: string, years: number, rng: Random): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = rng.int(1, 12);
  return isoDate(y, m, rng.int(1, daysInMonth(y, m)));
}

/** MPI-C1: swap month and day when both could be either, else transpose the last two year digits. */
export function transposeDob(dob: string): string {
  const y = dob.slice(0, 4);
  const m = Number(dob.slice(5, 7));
  const d = Number(dob.slice(8, 10));
  if (d <= 12 && d !== m) return `${y}-${pad(d, 2)}-${pad(m, 2)}`;
  const swapped = `${y.slice(0, 2)}${y[3]}${y[2]}`;
  if (swapped !== y && Number(swapped) <= 2025) return `${swapped}${dob.slice(4)}`;
  // Same digits or a future year: transpose the day digits instead (e.g. 21 -> 12), keeping a real date.
  const day = pad(d, 2);
  const dd = Number(`${day[1]}${day[0]}`);
  const max = daysInMonth(Number(y), m);
  return dd >= 1 && dd <= max && dd !== d ? `${y}-${pad(m, 2)}-${pad(dd, 2)}` : `${y}-${pad(m, 2)}-${pad(d === 1 ? 2 : d - 1, 2)}`;
}

/** MPI-C1 typing slip: transpose two adjacent letters, drop one or double one. */
export function typo(name: string, rng: Random): string {
  if (name.length < 4) return `${name}${name.at(-1) ?? ''}`;
  const i = rng.int(1, name.length - 2);
  const kind = rng.int(0, 2);
  if (kind === 0 && name[i] !== name[i + 1]) return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
  if (kind === 1) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + name[i] + name.slice(i);
}

function nicknameFor(given: string, rng: Random): string | undefined {
  const list = NICKNAMES[given.toUpperCase()];
  if (!list || list.length === 0) return undefined;
  const n = rng.pick(list);
  return n.charAt(0) + n.slice(1).toLowerCase();
}

function randomAddress(rng: Random): Address {
  const place = rng.pick(CITIES);
  const unit = rng.chance(0.15) ? ` Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])}` : '';
  return { line: `${rng.int(10, 9899)} ${rng.pick(STREETS)}${unit}`, city: place.city, state: place.state, zip: place.zip };
}

function randomPhone(rng: Random): string {
  return `${rng.pick(['541', '458'])}-555-01${pad(rng.int(0, 99), 2)}`;
}

function randomPerson(rng: Random, id: string, sex?: Sex): Person {
  const s: Sex = sex ?? (rng.chance(0.52) ? 'F' : 'M');
  const givenList = s === 'F' ? FEMALE_GIVEN : MALE_GIVEN;
  const person: Person = {
    id,
    family: rng.pick(FAMILY),
    given: rng.pick(givenList),
    dob: randomDate(rng, 1930, 2024),
    sex: s,
    address: randomAddress(rng),
    phone: randomPhone(rng),
  };
  if (rng.chance(0.7)) person.middle = rng.pick(s === 'F' ? FEMALE_GIVEN : MALE_GIVEN);
  if (rng.chance(0.93)) person.ssnLast4 = pad(rng.int(0, 9999), 4);
  return person;
}

/**
 * Builds the MPI for a seed. Same seed and size, same MPI: the keys of "mpi-retrieve" and
 * "mpi-duplicates" steps are computed from it (him-rules.md section 6, MPI-D1..D3, MPI-C1..C5).
 */
export function generateMpi(seed: number, size: number = DEFAULT_MPI_SIZE): Mpi {
  const rng = seededRandom(seed);
  const records: MpiRecord[] = [];
  const personOf = new Map<string, string>();
  const pairs: TruthPair[] = [];
  const usedMrns = new Set<string>();
  let personCount = 0;

  const newMrn = (): string => {
    for (;;) {
      const mrn = `SIM-${pad(rng.int(1_000_000, 9_999_999), 7)}`;
      if (!usedMrns.has(mrn)) {
        usedMrns.add(mrn);
        return mrn;
      }
    }
  };
  const newPerson = (sex?: Sex): Person => randomPerson(rng, `P${pad(++personCount, 5)}`, sex);
  const addRecord = (demo: Demographics, personId: string, facility: FacilityId, mrn = newMrn(), lastVisit?: string): MpiRecord => {
    const rowId = `R${pad(records.length + 1, 5)}`;
    const record: MpiRecord = {
      ...structuredClone(demo),
      rowId,
      mrn,
      facility,
      lastVisit: lastVisit ?? randomDate(rng, Math.max(2012, Number(demo.dob.slice(0, 4))), 2025),
      encounters: rng.int(1, 14),
    };
    records.push(record);
    personOf.set(rowId, personId);
    return record;
  };
  const strip = (p: Person): Demographics => {
    const { id: _id, ...demo } = p;
    return demo;
  };

  const duplicateCount = Math.round(size * 0.04);
  const overlayCount = Math.round(size * 0.004);
  const overlapCount = Math.round(size * 0.012);
  const twinPairs = Math.round(size * 0.006);
  const jrSrPairs = Math.round(size * 0.006);
  const baseCount = size - duplicateCount - overlayCount - overlapCount - twinPairs * 2 - jrSrPairs * 2;

  const base: MpiRecord[] = [];
  for (let i = 0; i < baseCount; i++) {
    const p = newPerson();
    base.push(addRecord(strip(p), p.id, rng.chance(0.85) ? 'LVMC' : 'LVNC'));
  }

  // Twins (MPI-C4): same family, DOB, address and phone; different given names and SSNs.
  for (let i = 0; i < twinPairs; i++) {
    const a = newPerson();
    const b = newPerson(rng.chance(0.5) ? a.sex : undefined);
    Object.assign(b, { family: a.family, dob: a.dob, address: a.address, phone: a.phone });
    if (b.given === a.given) b.given = a.sex === 'F' ? 'Rosalind' : 'Declan';
    const facility: FacilityId = 'LVMC';
    const ra = addRecord(strip(a), a.id, facility);
    const rb = addRecord(strip(b), b.id, facility);
    pairs.push({ id: `twins-${i + 1}`, kind: 'twins', a: ra.rowId, b: rb.rowId, action: 'leave-apart' });
  }

  // Jr/Sr (MPI-C5): same given, family, address; DOBs a generation apart; the suffix often missing.
  for (let i = 0; i < jrSrPairs; i++) {
    const father = newPerson('M');
    father.dob = randomDate(rng, 1935, 1975);
    const son = newPerson('M');
    Object.assign(son, { given: father.given, family: father.family, address: father.address, phone: father.phone, middle: father.middle });
    son.dob = addYears(father.dob, rng.int(22, 38), rng);
    father.suffix = rng.chance(0.6) ? 'Sr' : undefined;
    son.suffix = rng.chance(0.7) ? 'Jr' : undefined;
    const ra = addRecord(strip(father), father.id, 'LVMC');
    const rb = addRecord(strip(son), son.id, 'LVMC');
    pairs.push({ id: `jr-sr-${i + 1}`, kind: 'jr-sr', a: ra.rowId, b: rb.rowId, action: 'leave-apart' });
  }

  // Duplicates (MPI-D1): the same person registered again at the same facility with an error.
  for (let i = 0; i < duplicateCount; i++) {
    const original = rng.pick(base);
    const cause = DUPLICATE_CAUSES[i % DUPLICATE_CAUSES.length]!;
    const copy: Demographics = structuredClone({ ...original });
    for (const k of ['rowId', 'mrn', 'facility', 'lastVisit', 'encounters'] as const) delete (copy as Partial<MpiRecord>)[k];
    let applied: DuplicateCause = cause;
    switch (cause) {
      case 'transposed-dob':
        copy.dob = transposeDob(copy.dob);
        break;
      case 'nickname': {
        const nick = nicknameFor(copy.given, rng);
        if (nick) copy.given = nick;
        else {
          copy.family = typo(copy.family, rng);
          applied = 'typo';
        }
        break;
      }
      case 'married-name':
        if (copy.sex === 'F' && Number(copy.dob.slice(0, 4)) < 2004) {
          copy.previousFamily = rng.chance(0.5) ? copy.family : undefined;
          copy.family = rng.pick(FAMILY);
          if (rng.chance(0.5)) copy.address = randomAddress(rng);
        } else {
          copy.family = typo(copy.family, rng);
          applied = 'typo';
        }
        break;
      case 'missing-middle':
        if (copy.middle) delete copy.middle;
        else {
          copy.given = typo(copy.given, rng);
          applied = 'typo';
        }
        break;
      case 'typo':
        if (rng.chance(0.5)) copy.family = typo(copy.family, rng);
        else copy.given = typo(copy.given, rng);
        break;
      case 'swapped-names':
        [copy.family, copy.given] = [copy.given, copy.family];
        break;
    }
    if (rng.chance(0.3)) delete copy.ssnLast4;
    if (rng.chance(0.2)) copy.phone = randomPhone(rng);
    const dup = addRecord(copy, personOf.get(original.rowId)!, original.facility);
    pairs.push({ id: `duplicate-${i + 1}`, kind: 'duplicate', cause: applied, a: original.rowId, b: dup.rowId, action: 'merge' });
  }

  // Overlaps (MPI-D3): the same person with a second MRN at the other facility of the enterprise.
  for (let i = 0; i < overlapCount; i++) {
    const original = rng.pick(base);
    const copy: Demographics = {
      family: original.family,
      given: original.given,
      dob: original.dob,
      sex: original.sex,
      ...(rng.chance(0.6) && original.middle ? { middle: original.middle } : {}),
      ...(original.ssnLast4 && rng.chance(0.7) ? { ssnLast4: original.ssnLast4 } : {}),
      ...(original.address ? { address: rng.chance(0.8) ? original.address : randomAddress(rng) } : {}),
      ...(original.phone ? { phone: original.phone } : {}),
    };
    const other: FacilityId = original.facility === 'LVMC' ? 'LVNC' : 'LVMC';
    const rec = addRecord(copy, personOf.get(original.rowId)!, other);
    pairs.push({ id: `overlap-${i + 1}`, kind: 'overlap', a: original.rowId, b: rec.rowId, action: 'link' });
  }

  // Overlays (MPI-D2): a second, different person registered onto an existing MRN (wrong pick from a
  // search list, MPI-C7). The look-alike shares the family name and often a similar given name.
  for (let i = 0; i < overlayCount; i++) {
    const victim = rng.pick(base);
    const intruder = newPerson(victim.sex);
    intruder.family = victim.family;
    if (rng.chance(0.5)) intruder.given = victim.given;
    else intruder.given = nicknameFor(victim.given, rng) ?? intruder.given;
    intruder.dob = randomDate(rng, 1930, 2024);
    const rec = addRecord(strip(intruder), intruder.id, victim.facility, victim.mrn);
    pairs.push({ id: `overlay-${i + 1}`, kind: 'overlay', a: victim.rowId, b: rec.rowId, action: 'flag-overlay' });
  }

  const mpi: Mpi = { seed, records, personOf, pairs, retrievals: [] };
  mpi.retrievals = buildRetrievals(mpi, rng);
  return mpi;
}

const REQUESTERS = [
  { requester: 'Dr. Helena Marsh', organisation: 'Millbrook Family Medicine' },
  { requester: 'Dr. Kwame Mensah', organisation: 'Cedar Falls Cardiology Associates' },
  { requester: 'Nurse Pat Ruiz, RN', organisation: 'Larkspur Valley Oncology Clinic' },
  { requester: 'Dr. Ilse Varga', organisation: 'North Fork Orthopedics' },
  { requester: 'Dr. Samir Haddad', organisation: 'LVMC Emergency Department' },
  { requester: 'Tamsin Yates, PA-C', organisation: 'Harlow Urgent Care' },
];
const DOCUMENTS = ['the discharge summary', 'the operative report', 'the last lab results', 'the echocardiogram report', 'the H&P', 'the radiology reports'];

function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

function fullName(d: Pick<Demographics, 'given' | 'family' | 'suffix'>): string {
  return `${d.given} ${d.family}${d.suffix ? ` ${d.suffix}` : ''}`;
}

function buildRetrievals(mpi: Mpi, rng: Random): RetrievalCase[] {
  const byRow = new Map(mpi.records.map((r) => [r.rowId, r]));
  const kinds: RetrievalKind[] = ['jr-sr', 'nickname', 'twins', 'married-name', 'swapped-names', 'transposed-dob'];
  const used = new Set<string>();
  const out: RetrievalCase[] = [];
  for (let i = 0; i < RETRIEVAL_CASES; i++) {
    const kind = kinds[i % kinds.length]!;
    const candidates = mpi.pairs.filter((p) => {
      if (used.has(p.id)) return false;
      if (kind === 'jr-sr' || kind === 'twins') return p.kind === kind;
      return p.kind === 'duplicate' && p.cause === kind;
    });
    if (candidates.length === 0) continue;
    const pair = rng.pick(candidates);
    used.add(pair.id);
    const a = byRow.get(pair.a)!;
    const b = byRow.get(pair.b)!;
    const who = REQUESTERS[i % REQUESTERS.length]!;
    const documentWanted = DOCUMENTS[i % DOCUMENTS.length]!;
    let target: MpiRecord;
    let nameAsGiven: string;
    let samePersonRowIds: string[] = [];
    let lookalikeRowIds: string[];
    if (kind === 'jr-sr' || kind === 'twins') {
      // Ask for one of the two; the other is the look-alike a careless clerk picks.
      target = rng.chance(0.5) ? a : b;
      const other = target === a ? b : a;
      lookalikeRowIds = [other.rowId];
      nameAsGiven = kind === 'jr-sr' ? `${target.given} ${target.family}` : fullName(target);
    } else {
      // A duplicate pair: the requester knows the person by the newer form; both rows are the person.
      target = a;
      samePersonRowIds = mpi.records
        .filter((r) => r.rowId !== a.rowId && r.facility === a.facility && mpi.personOf.get(r.rowId) === mpi.personOf.get(a.rowId))
        .map((r) => r.rowId);
      const source = kind === 'married-name' ? b : kind === 'nickname' ? b : a;
      nameAsGiven = kind === 'swapped-names' ? `${a.given} ${a.family}` : `${source.given} ${source.family}`;
      if (kind === 'married-name' && a.family !== b.family) nameAsGiven = `${b.given} ${b.family} (formerly ${a.family})`;
      // A stranger with the same family name and sex born within a few years is a look-alike.
      lookalikeRowIds = mpi.records
        .filter((r) => r.family === target.family && r.sex === target.sex && mpi.personOf.get(r.rowId) !== mpi.personOf.get(target.rowId))
        .filter((r) => Math.abs(Number(r.dob.slice(0, 4)) - Number(target.dob.slice(0, 4))) <= 5)
        .map((r) => r.rowId)
        .slice(0, 3);
    }
    const extra = rng.int(0, 2);
    const given: RetrievalCase['given'] = { name: nameAsGiven, dob: target.dob, sex: target.sex };
    let extraText = '';
    if (extra === 0 && target.address) {
      given.addressLine = target.address.line;
      extraText = `, lives at ${target.address.line}, ${target.address.city}`;
    } else if (extra === 1 && target.phone) {
      given.phone = target.phone;
      extraText = `, phone ${target.phone}`;
    } else if (target.ssnLast4) {
      given.ssnLast4 = target.ssnLast4;
      extraText = `, SSN ending ${target.ssnLast4}`;
    }
    const text =
      `${who.requester} (${who.organisation}) requests ${documentWanted} for ${nameAsGiven}, DOB ${usDate(target.dob)}${extraText}. ` +
      `Seen at ${target.facility === 'LVMC' ? 'Larkspur Valley Medical Center' : 'the North Campus'}, last visit ${usDate(target.lastVisit)}.`;
    out.push({
      id: `retrieve-${i + 1}`,
      kind,
      requester: who.requester,
      organisation: who.organisation,
      documentWanted,
      text,
      given,
      facility: target.facility,
      targetRowId: target.rowId,
      samePersonRowIds,
      lookalikeRowIds,
    });
  }
  return out;
}

const cache = new Map<string, Mpi>();

/** Memoised generateMpi: scenario validation and the player ask for the same MPI many times. */
export function getMpi(seed: number, size: number = DEFAULT_MPI_SIZE): Mpi {
  const key = `${seed}:${size}`;
  let mpi = cache.get(key);
  if (!mpi) {
    mpi = generateMpi(seed, size);
    if (cache.size > 4) cache.clear();
    cache.set(key, mpi);
  }
  return mpi;
}
