/**
 * The encoder's work, independent of where it runs: inside a Web Worker (encoder.worker.ts, the
 * normal case, so the chart view never waits) or in-process (tests, browsers without workers).
 * Every method returns plain, structured-cloneable data.
 */
import { loadMceTables } from '../../domain/mce/index.ts';
import {
  addInclusionTerms,
  addToSearchIndex,
  describeCode,
  mceEditFlags,
  type EditFlagProvider,
  buildSearchIndex,
  categoriesOfBlock,
  childrenOf,
  createIndexFinder,
  createPcsBuilder,
  createPcsIndexFinder,
  createTableFinder,
  formatCode,
  lookupCode,
  pcsCharacterMeanings,
  pcsIndexTargets,
  resolveCrossReference,
  searchCodes,
  tabularPath,
  type AppliedNote,
  type CmIndexTerm,
  type CodeKind,
  type CodeSets,
  type CodesetLoader,
  type LookupResult,
  type PcsBuilder,
  type PcsBuilderStep,
  type PcsCharacterMeaning,
  type RequiredPartner,
  type SearchIndex,
  type SearchOutcome,
  type SeventhCharacterChoice,
  type TabularCrumb,
  type TermFinder,
} from '../../codesets/index.ts';

export interface LoadProgress {
  step: string;
  done: number;
  total: number;
}

export interface CodeRow {
  code: string;
  display: string;
  title: string;
  valid: boolean;
  kind: CodeKind;
}

export interface CodeDetails {
  lookup: LookupResult;
  path: TabularCrumb[];
  notes: AppliedNote[];
  notesEdition?: string;
  remark?: string;
  seventh: SeventhCharacterChoice[];
  partners: RequiredPartner[];
  manifestation: boolean;
  children: CodeRow[];
  pcsMeanings: PcsCharacterMeaning[];
}

export interface IndexEntryView {
  path: string[];
  nemod?: string;
  code?: string;
  manif?: string;
  see?: string;
  seeAlso?: string;
  /** Sub-terms one level down (titles and their codes), for browsing. */
  subterms: { title: string; nemod?: string; code?: string; see?: string; seeAlso?: string; hasChildren: boolean }[];
}

export interface TableView {
  title: string;
  edition: string;
  columns: string[];
  rows: { path: string[]; cells: string[]; see?: string; seeAlso?: string }[];
}

export interface PcsIndexView {
  path: string[];
  use?: string[];
  targets: { prefix: string; via: string }[];
}

export interface TabularNodeView {
  chapters?: { number: string; title: string }[];
  blocks?: { id: string; title: string }[];
  codes?: CodeRow[];
}

export interface EncoderApi {
  load(): Promise<{ edition: string }>;
  search(query: string, options: { dischargeDate: string; kind?: CodeKind | 'all'; limit?: number }): Promise<SearchOutcome>;
  details(input: string, dischargeDate: string): Promise<CodeDetails>;
  tabular(node: { chapter?: string; block?: string; code?: string }, dischargeDate: string): Promise<TabularNodeView>;
  indexFind(which: 'index' | 'eindex', query: string): Promise<IndexEntryView[]>;
  indexSee(which: 'index' | 'eindex', reference: string): Promise<IndexEntryView | null>;
  indexOpen(which: 'index' | 'eindex', path: string[]): Promise<IndexEntryView | null>;
  tableFind(which: 'neoplasm' | 'drug', query: string): Promise<TableView>;
  pcsNext(prefix: string, dischargeDate: string): Promise<{ step: PcsBuilderStep | null; chosen: PcsCharacterMeaning[]; codes: CodeRow[] }>;
  pcsIndexFind(query: string): Promise<PcsIndexView[]>;
}

export interface EncoderOptions {
  /** Returns the MCE table files (public/grouper/mce-*); when given, code details carry MCE flags. */
  mceFiles?: () => Promise<Record<string, string>>;
}

/** Creates the encoder over a CodesetLoader; `onProgress` reports the initial load steps. */
export function createEncoderCore(loader: CodesetLoader, onProgress?: (p: LoadProgress) => void, options: EncoderOptions = {}): EncoderApi {
  let mce: Promise<EditFlagProvider | undefined> | undefined;
  /** MCE flags load on the first code details request (they are not needed for search). */
  const mceFlags = (): Promise<EditFlagProvider | undefined> => {
    const files = options.mceFiles;
    mce ??= files
      ? files()
          .then((f) => mceEditFlags(loadMceTables(f)))
          .catch(() => undefined)
      : Promise.resolve(undefined);
    return mce;
  };
  let sets: CodeSets | undefined;
  let index: SearchIndex | undefined;
  let pcsBuilder: PcsBuilder | undefined;
  const finders = new Map<string, TermFinder<CmIndexTerm>>();

  let cmReady: Promise<void> | undefined;
  let pcsLoaded = false;
  let allReady: Promise<void> | undefined;
  /** Phase 1: ICD-10-CM searchable. Phase 2 (continues in the background): ICD-10-PCS and POA. */
  const load = (): Promise<void> => {
    if (!cmReady) {
      const total = 5;
      cmReady = (async () => {
        onProgress?.({ step: 'Downloading ICD-10-CM codes', done: 0, total });
        const [cm, defaults] = await Promise.all([loader.cmLean(), loader.text('cmIndexDefaults')]);
        onProgress?.({ step: 'Indexing ICD-10-CM titles', done: 1, total });
        index = buildSearchIndex({ cm, indexDefaultsTsv: defaults });
        sets = { cm };
      })();
      allReady = cmReady.then(async () => {
        onProgress?.({ step: 'Downloading ICD-10-PCS codes', done: 2, total });
        const [pcs, poaExempt, inclusion] = await Promise.all([loader.pcs(), loader.poaExempt(), loader.text('cmInclusionTerms')]);
        onProgress?.({ step: 'Indexing ICD-10-PCS titles and inclusion terms', done: 3, total });
        addToSearchIndex(index!, pcs);
        addInclusionTerms(index!, inclusion);
        sets = { cm: sets!.cm, pcs, poaExempt };
        pcsLoaded = true;
        onProgress?.({ step: 'Ready', done: total, total });
      });
      // Surface phase-2 failures through callers that await it; avoid an unhandled rejection here.
      allReady.catch(() => undefined);
    }
    return cmReady;
  };
  /** Waits for everything (PCS searches, lookups with POA status, the PCS builder). */
  const ready = async (): Promise<{ sets: CodeSets; index: SearchIndex }> => {
    await load();
    await allReady;
    return { sets: sets!, index: index! };
  };
  /** Waits only for ICD-10-CM (diagnosis-only searches can start early). */
  const cmOnly = async (): Promise<{ sets: CodeSets; index: SearchIndex }> => {
    await load();
    return { sets: sets!, index: index! };
  };
  const row = (rec: { code: string; title: string; valid: boolean }, kind: CodeKind): CodeRow => ({
    code: rec.code,
    display: formatCode(rec.code, kind),
    title: rec.title,
    valid: rec.valid,
    kind,
  });
  const indexFinder = async (which: 'index' | 'eindex'): Promise<TermFinder<CmIndexTerm>> => {
    let f = finders.get(which);
    if (!f) {
      f = createIndexFinder(which === 'index' ? await loader.cmIndex() : await loader.eIndex());
      finders.set(which, f);
    }
    return f;
  };
  const entryView = (path: string[], t: CmIndexTerm): IndexEntryView => {
    const v: IndexEntryView = {
      path,
      subterms: (t.terms ?? []).map((s) => ({
        title: s.title,
        ...(s.nemod ? { nemod: s.nemod } : {}),
        ...(s.code ? { code: s.code } : {}),
        ...(s.see ? { see: s.see } : {}),
        ...(s.seeAlso ? { seeAlso: s.seeAlso } : {}),
        hasChildren: (s.terms?.length ?? 0) > 0,
      })),
    };
    if (t.nemod) v.nemod = t.nemod;
    if (t.code) v.code = t.code;
    if (t.manif) v.manif = t.manif;
    if (t.see) v.see = t.see;
    if (t.seeAlso) v.seeAlso = t.seeAlso;
    return v;
  };
  const tableFinders = new Map<string, { finder: ReturnType<typeof createTableFinder>; title: string; edition: string; columns: string[] }>();
  let pcsIndexFinder: ReturnType<typeof createPcsIndexFinder> | undefined;

  return {
    async load() {
      await load();
      return { edition: 'FY2026' };
    },
    async search(query, options) {
      // Until ICD-10-PCS is indexed, "all" searches return diagnoses at once rather than wait.
      const { index: idx } = options.kind === 'pcs' ? await ready() : await cmOnly();
      if (options.kind === 'all' && !pcsLoaded) return { ...searchCodes(idx, query, { ...options, kind: 'dx' }), more: true };
      return searchCodes(idx, query, options);
    },
    async details(input, dischargeDate) {
      const { sets: s } = await ready();
      const editFlags = await mceFlags();
      const probe = lookupCode(s, input, dischargeDate);
      const refs =
        probe.kind === 'dx'
          ? { tabular: await loader.tabular() }
          : probe.kind === 'pcs'
            ? { pcsTables: await loader.pcsTables(), pcsDefinitions: await loader.pcsDefinitions() }
            : {};
      const d = describeCode(editFlags ? { ...s, editFlags } : s, input, dischargeDate, refs);
      const details: CodeDetails = {
        lookup: d.lookup,
        path: refs.tabular && d.lookup.code ? tabularPath(refs.tabular, s.cm, d.lookup.code) : [],
        notes: d.notes,
        seventh: d.seventh,
        partners: d.partners,
        manifestation: d.manifestation,
        children: d.lookup.kind === 'dx' && d.lookup.code ? childrenOf(s.cm, d.lookup.code, dischargeDate).map((r) => row(r, 'dx')) : [],
        pcsMeanings: d.pcsMeanings,
      };
      if (d.notesEdition) details.notesEdition = d.notesEdition;
      if (d.notesRemark) details.remark = d.notesRemark;
      return details;
    },
    async tabular(node, dischargeDate) {
      const { sets: s } = await cmOnly();
      const tab = await loader.tabular();
      if (node.code) return { codes: childrenOf(s.cm, node.code, dischargeDate).map((r) => row(r, 'dx')) };
      if (node.block) {
        const block = tab.chapters.flatMap((c) => c.blocks).find((b) => b.id === node.block);
        return { codes: block ? categoriesOfBlock(s.cm, block, dischargeDate).map((r) => row(r, 'dx')) : [] };
      }
      if (node.chapter) {
        const chapter = tab.chapters.find((c) => c.number === node.chapter);
        return { blocks: (chapter?.blocks ?? []).map((b) => ({ id: b.id, title: b.title })) };
      }
      return { chapters: tab.chapters.map((c) => ({ number: c.number, title: c.title })) };
    },
    async indexFind(which, query) {
      const f = await indexFinder(which);
      return f.find(query, 40).map((e) => entryView(e.path, e.term));
    },
    async indexSee(which, reference) {
      const file = which === 'index' ? await loader.cmIndex() : await loader.eIndex();
      const hit = resolveCrossReference(file, reference);
      return hit ? entryView(hit.path, hit.term) : null;
    },
    async indexOpen(which, path) {
      const f = await indexFinder(which);
      const e = f.entries.find((x) => x.path.length === path.length && x.path.every((p, i) => p === path[i]));
      if (e) return entryView(e.path, e.term);
      // Deeper than the finder's entries: walk down from the deepest known ancestor.
      const file = which === 'index' ? await loader.cmIndex() : await loader.eIndex();
      let list = file.letters.flatMap((l) => l.terms);
      let term: CmIndexTerm | undefined;
      for (const title of path) {
        term = list.find((t) => t.title === title);
        if (!term) return null;
        list = term.terms ?? [];
      }
      return term ? entryView(path, term) : null;
    },
    async tableFind(which, query) {
      let t = tableFinders.get(which);
      if (!t) {
        const file = which === 'neoplasm' ? await loader.neoplasmTable() : await loader.drugTable();
        t = { finder: createTableFinder(file), title: file.title, edition: file.edition, columns: file.columns };
        tableFinders.set(which, t);
      }
      const rows = query.trim() ? t.finder.find(query, 60) : t.finder.rows.slice(0, 60);
      return { title: t.title, edition: t.edition, columns: t.columns, rows };
    },
    async pcsNext(prefix, dischargeDate) {
      const { sets: s } = await ready();
      const [tables, defs] = await Promise.all([loader.pcsTables(), loader.pcsDefinitions()]);
      pcsBuilder ??= createPcsBuilder(s.pcs!, tables, defs);
      const p = prefix.toUpperCase();
      const step = pcsBuilder.next(p, dischargeDate);
      const chosen = p.length >= 3 ? pcsCharacterMeanings(tables, defs, p) : [];
      const under = p.length >= 4 ? pcsBuilder.codesUnder(p, dischargeDate) : [];
      const codes = under.slice(0, 200).map((c) => row(s.pcs!.byCode.get(c)!, 'pcs'));
      return { step, chosen, codes };
    },
    async pcsIndexFind(query) {
      pcsIndexFinder ??= createPcsIndexFinder(await loader.pcsIndex());
      return pcsIndexFinder.find(query, 30).map((e) => {
        const targets = [e.term, ...(e.term.terms ?? [])].flatMap(pcsIndexTargets);
        const v: PcsIndexView = { path: e.path.filter((x) => x.length > 0), targets };
        if (e.term.use) v.use = e.term.use;
        return v;
      });
    },
  };
}
