/**
 * Browser access to the encoder: fetches the compiled code sets from
 * `${import.meta.env.BASE_URL}codesets/fy2026/` and runs the encoder in a Web Worker (falling back
 * to the main thread after first paint where workers are unavailable). One shared instance serves
 * every panel, so the code sets are downloaded and indexed once per page.
 */
import { CODESET_DIR } from '../../codesets/formats.ts';
import { CodesetLoader } from '../../codesets/load.ts';
import { createEncoderCore, type EncoderApi, type LoadProgress } from './encoderCore.ts';

type Method = keyof EncoderApi;
export type WorkerRequest =
  | { type: 'init'; baseUrl: string }
  | { type: 'call'; id: number; method: Method; args: unknown[] };
export type WorkerResponse =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string };

/** URL prefix of the compiled code-set files. */
export function codesetBaseUrl(): string {
  return `${import.meta.env.BASE_URL}codesets/${CODESET_DIR}/`;
}

export interface EncoderHandle {
  api: EncoderApi;
  /** Latest load progress (null before loading starts). */
  progress(): LoadProgress | null;
  onProgress(listener: (p: LoadProgress) => void): () => void;
}

function progressHub(): { emit(p: LoadProgress): void; handle: Omit<EncoderHandle, 'api'> } {
  let last: LoadProgress | null = null;
  const listeners = new Set<(p: LoadProgress) => void>();
  return {
    emit(p) {
      last = p;
      for (const l of listeners) l(p);
    },
    handle: {
      progress: () => last,
      onProgress(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

function workerEncoder(): EncoderHandle {
  const hub = progressHub();
  const worker = new Worker(new URL('./encoder.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    if (msg.type === 'progress') return hub.emit(msg.progress);
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(new Error(msg.message));
  };
  worker.postMessage({ type: 'init', baseUrl: codesetBaseUrl() } satisfies WorkerRequest);
  const call =
    (method: Method) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'call', id, method, args } satisfies WorkerRequest);
      });
  const methods: Method[] = ['load', 'search', 'details', 'tabular', 'indexFind', 'indexSee', 'indexOpen', 'tableFind', 'pcsNext', 'pcsIndexFind'];
  const api = Object.fromEntries(methods.map((m) => [m, call(m)])) as unknown as EncoderApi;
  return { api, ...hub.handle };
}

/**
 * In-process encoder over any loader (tests pass a Node loader; browsers without Worker use fetch).
 * Loading starts only when first asked for, so it never delays first paint.
 */
export function inProcessEncoder(loader?: CodesetLoader): EncoderHandle {
  const hub = progressHub();
  const l =
    loader ??
    new CodesetLoader(async (name) => {
      const res = await fetch(`${codesetBaseUrl()}${name}`);
      if (!res.ok) throw new Error(`code-set file ${name}: HTTP ${res.status}`);
      return res.text();
    });
  return { api: createEncoderCore(l, (p) => hub.emit(p)), ...hub.handle };
}

let shared: EncoderHandle | undefined;
/** The page-wide encoder (Web Worker when available). */
export function sharedEncoder(): EncoderHandle {
  shared ??= typeof Worker !== 'undefined' ? workerEncoder() : inProcessEncoder();
  return shared;
}
