/**
 * Browser access to the encoder: fetches the compiled code sets from
 * `${import.meta.env.BASE_URL}codesets/fy2026/` and runs the encoder in a Web Worker (falling back
 * to the main thread after first paint where workers are unavailable). One shared instance serves
 * every panel, so the code sets are downloaded and indexed once per page.
 */
import { CODESET_DIR } from '../../codesets/formats.ts';
import type { EncoderApi, LoadProgress } from './encoderCore.ts';

type Method = keyof EncoderApi;
export type WorkerRequest =
  | { type: 'init'; baseUrl: string; grouperBaseUrl: string }
  | { type: 'call'; id: number; method: Method; args: unknown[] };
export type WorkerResponse =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string };

/** URL prefix of the compiled code-set files. */
export function codesetBaseUrl(): string {
  return `${import.meta.env.BASE_URL}codesets/${CODESET_DIR}/`;
}

/** URL prefix of the grouper module's compiled files (MCE tables). */
export function grouperBaseUrl(): string {
  return `${import.meta.env.BASE_URL}grouper/`;
}

export interface EncoderHandle {
  api: EncoderApi;
  /** Latest load progress (null before loading starts). */
  progress(): LoadProgress | null;
  onProgress(listener: (p: LoadProgress) => void): () => void;
}

export const ENCODER_METHODS: (keyof EncoderApi)[] = ['load', 'search', 'details', 'tabular', 'indexFind', 'indexSee', 'indexOpen', 'tableFind', 'pcsNext', 'pcsIndexFind'];

export function progressHub(): { emit(p: LoadProgress): void; handle: Omit<EncoderHandle, 'api'> } {
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
  worker.postMessage({ type: 'init', baseUrl: codesetBaseUrl(), grouperBaseUrl: grouperBaseUrl() } satisfies WorkerRequest);
  const call =
    (method: Method) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'call', id, method, args } satisfies WorkerRequest);
      });
  const api = Object.fromEntries(ENCODER_METHODS.map((m) => [m, call(m)])) as unknown as EncoderApi;
  return { api, ...hub.handle };
}

/** Main-thread fallback, imported only when needed so the app bundle stays small. */
function lazyInProcessEncoder(): EncoderHandle {
  const hub = progressHub();
  const inner = import('./inProcessEncoder.ts').then((m) => {
    const h = m.inProcessEncoder();
    h.onProgress((p) => hub.emit(p));
    return h;
  });
  const call =
    (method: Method) =>
    async (...args: unknown[]): Promise<unknown> => {
      const h = await inner;
      return (h.api[method] as (this: EncoderApi, ...a: unknown[]) => Promise<unknown>).apply(h.api, args);
    };
  const api = Object.fromEntries(ENCODER_METHODS.map((m) => [m, call(m)])) as unknown as EncoderApi;
  return { api, ...hub.handle };
}

let shared: EncoderHandle | undefined;
/** The page-wide encoder (Web Worker when available, else main thread after first paint). */
export function sharedEncoder(): EncoderHandle {
  shared ??= typeof Worker !== 'undefined' ? workerEncoder() : lazyInProcessEncoder();
  return shared;
}
