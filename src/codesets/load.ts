/**
 * Loading the compiled code-set files through a caller-supplied fetch function (browser: fetch from
 * `${BASE_URL}codesets/fy2026/`; Node: tools/codesets/node-loader.ts reads public/codesets). Each
 * file is fetched at most once per loader; screens ask only for what they need.
 */
import { parseCmCodeSet, parsePcsCodeSet, type CodeSet } from './codeset.ts';
import {
  CODESET_FILES,
  CODESET_FORMAT,
  type CmIndexFile,
  type CmTableFile,
  type CmTabularFile,
  type CodesetFileKey,
  type CodesetManifest,
  type PcsDefinitionsFile,
  type PcsIndexFile,
  type PcsTablesFile,
} from './formats.ts';
import type { CodeSets } from './lookup.ts';

/** Returns the text of one compiled file, given its name (e.g. "cm-codes.tsv"). */
export type FetchText = (fileName: string) => Promise<string>;

export interface LoadProgressEvent {
  file: string;
  done: number;
  total: number;
}

function parseJson<T extends { edition: string }>(text: string, file: string): T {
  const value = JSON.parse(text) as T;
  if (typeof value !== 'object' || typeof value.edition !== 'string') throw new Error(`${file}: not a compiled code-set file`);
  return value;
}

/** Caches fetched and parsed files; safe to share across screens. */
export class CodesetLoader {
  private readonly texts = new Map<string, Promise<string>>();
  private readonly parsed = new Map<string, Promise<unknown>>();

  constructor(private readonly fetchText: FetchText) {}

  /** Raw text of a file, fetched once. */
  text(key: CodesetFileKey): Promise<string> {
    const name = CODESET_FILES[key];
    let p = this.texts.get(name);
    if (!p) {
      p = this.fetchText(name);
      this.texts.set(name, p);
    }
    return p;
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.parsed.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.parsed.set(key, p);
    }
    return p;
  }

  manifest(): Promise<CodesetManifest> {
    return this.once('manifest', async () => {
      const m = JSON.parse(await this.text('manifest')) as CodesetManifest;
      if (m.format !== CODESET_FORMAT) throw new Error(`code-set format ${m.format}, expected ${CODESET_FORMAT}: rebuild with npm run codesets:build`);
      return m;
    });
  }

  /** ICD-10-CM codes with short titles and FY2026 change list. */
  cm(): Promise<CodeSet> {
    return this.once('cm', async () => {
      const [codes, short, changes] = await Promise.all([this.text('cmCodes'), this.text('cmShortTitles'), this.text('cmChanges')]);
      return parseCmCodeSet(codes, short, changes);
    });
  }

  /** ICD-10-CM codes only (no short titles): the smallest download that supports dx lookup and search. */
  cmLean(): Promise<CodeSet> {
    return this.once('cmLean', async () => {
      const [codes, changes] = await Promise.all([this.text('cmCodes'), this.text('cmChanges')]);
      return parseCmCodeSet(codes, undefined, changes);
    });
  }

  pcs(withShortTitles = false): Promise<CodeSet> {
    return this.once(`pcs${withShortTitles ? '+short' : ''}`, async () => {
      const [codes, changes, short] = await Promise.all([
        this.text('pcsCodes'),
        this.text('pcsChanges'),
        withShortTitles ? this.text('pcsShortTitles') : Promise.resolve(undefined),
      ]);
      return parsePcsCodeSet(codes, changes, short);
    });
  }

  poaExempt(): Promise<Set<string>> {
    return this.once('poa', async () => new Set((await this.text('poaExempt')).split('\n').filter((l) => l.length > 0)));
  }

  /** CM + PCS + POA-exempt: everything lookupCode needs. */
  async codeSets(options: { shortTitles?: boolean; onProgress?: (e: LoadProgressEvent) => void } = {}): Promise<CodeSets> {
    const total = 3;
    let done = 0;
    const step = <T>(file: string, p: Promise<T>): Promise<T> =>
      p.then((v) => {
        done += 1;
        options.onProgress?.({ file, done, total });
        return v;
      });
    const [cm, pcs, poaExempt] = await Promise.all([
      step('ICD-10-CM', options.shortTitles ? this.cm() : this.cmLean()),
      step('ICD-10-PCS', this.pcs(options.shortTitles ?? false)),
      step('POA exempt', this.poaExempt()),
    ]);
    return { cm, pcs, poaExempt };
  }

  tabular(): Promise<CmTabularFile> {
    return this.once('tabular', async () => parseJson<CmTabularFile>(await this.text('cmTabular'), 'cm-tabular.json'));
  }
  cmIndex(): Promise<CmIndexFile> {
    return this.once('cmIndex', async () => parseJson<CmIndexFile>(await this.text('cmIndex'), 'cm-index.json'));
  }
  eIndex(): Promise<CmIndexFile> {
    return this.once('eIndex', async () => parseJson<CmIndexFile>(await this.text('cmEindex'), 'cm-eindex.json'));
  }
  neoplasmTable(): Promise<CmTableFile> {
    return this.once('neoplasm', async () => parseJson<CmTableFile>(await this.text('cmNeoplasm'), 'cm-neoplasm.json'));
  }
  drugTable(): Promise<CmTableFile> {
    return this.once('drug', async () => parseJson<CmTableFile>(await this.text('cmDrug'), 'cm-drug.json'));
  }
  pcsTables(): Promise<PcsTablesFile> {
    return this.once('pcsTables', async () => parseJson<PcsTablesFile>(await this.text('pcsTables'), 'pcs-tables.json'));
  }
  pcsDefinitions(): Promise<PcsDefinitionsFile> {
    return this.once('pcsDefinitions', async () => parseJson<PcsDefinitionsFile>(await this.text('pcsDefinitions'), 'pcs-definitions.json'));
  }
  pcsIndex(): Promise<PcsIndexFile> {
    return this.once('pcsIndex', async () => parseJson<PcsIndexFile>(await this.text('pcsIndex'), 'pcs-index.json'));
  }
}
