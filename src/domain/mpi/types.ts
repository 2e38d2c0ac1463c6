/** Shared MPI types (him-rules.md section 6, MPI-1 core elements). */

export type Sex = 'F' | 'M' | 'U';
export type FacilityId = 'LVMC' | 'LVNC';

export const FACILITY_NAMES: Record<FacilityId, string> = {
  LVMC: 'Larkspur Valley Medical Center',
  LVNC: 'Larkspur Valley North Campus',
};

export interface Address {
  line: string;
  city: string;
  state: string;
  zip: string;
}

/** The identifying fields the matcher compares (ONC 2015 matching set, MPI-1). */
export interface Demographics {
  family: string;
  given: string;
  middle?: string;
  suffix?: string;
  /** Previous (e.g. maiden) family name, when registration captured it. */
  previousFamily?: string;
  /** ISO date YYYY-MM-DD. */
  dob: string;
  sex: Sex;
  ssnLast4?: string;
  address?: Address;
  phone?: string;
}

/** One row of the master patient index. An overlay shows as two rows sharing one MRN. */
export interface MpiRecord extends Demographics {
  rowId: string;
  mrn: string;
  facility: FacilityId;
  /** Date of the last encounter (ISO date). */
  lastVisit: string;
  encounters: number;
}

/** What an HIM clerk should do with a suspected pair (MPI-D1..D3). */
export type PairAction = 'merge' | 'leave-apart' | 'flag-overlay' | 'link';

export type DuplicateCause =
  | 'transposed-dob'
  | 'nickname'
  | 'married-name'
  | 'missing-middle'
  | 'typo'
  | 'swapped-names';

export type PairKind = 'duplicate' | 'overlay' | 'overlap' | 'twins' | 'jr-sr';

/** A pair of rows the generator planted, with the truth about it. */
export interface TruthPair {
  id: string;
  kind: PairKind;
  cause?: DuplicateCause;
  a: string;
  b: string;
  action: PairAction;
}

export type RetrievalKind = 'jr-sr' | 'twins' | 'nickname' | 'married-name' | 'swapped-names' | 'transposed-dob';

/** A physician's or clinic's request for a patient's records, with the right record(s) from truth. */
export interface RetrievalCase {
  id: string;
  kind: RetrievalKind;
  requester: string;
  organisation: string;
  documentWanted: string;
  /** The request as the HIM clerk receives it. */
  text: string;
  /** Identifiers the request gives (what the clerk can search with). */
  given: { name: string; dob: string; sex?: Sex; phone?: string; addressLine?: string; ssnLast4?: string };
  facility: FacilityId;
  /** The person's record at that facility that holds the requested encounter. */
  targetRowId: string;
  /** Rows of the same person at the facility (an unmerged duplicate): acceptable, with a note. */
  samePersonRowIds: string[];
  /** Rows of different people that look alike (twin, father/son...). Picking one is a wrong-patient error. */
  lookalikeRowIds: string[];
}

export interface Mpi {
  seed: number;
  records: MpiRecord[];
  /** rowId -> person id (ground truth; an overlay row belongs to a different person than its MRN's first row). */
  personOf: ReadonlyMap<string, string>;
  pairs: TruthPair[];
  retrievals: RetrievalCase[];
}
