/**
 * Web Worker running the encoder (code-set download, parsing, search index) off the main thread,
 * so the chart view never waits for the code sets. Messages: see codesetClient.ts.
 */
import { CodesetLoader } from '../../codesets/load.ts';
import { MCE_TABLE_FILES } from '../../domain/mce/index.ts';
import { createEncoderCore, type EncoderApi } from './encoderCore.ts';
import type { WorkerRequest, WorkerResponse } from './codesetClient.ts';

let core: EncoderApi | undefined;
const post = (msg: WorkerResponse): void => (self as unknown as { postMessage(m: WorkerResponse): void }).postMessage(msg);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'init') {
    const loader = new CodesetLoader(async (name) => {
      const res = await fetch(`${msg.baseUrl}${name}`);
      if (!res.ok) throw new Error(`code-set file ${name}: HTTP ${res.status}`);
      return res.text();
    });
    const fetchText = async (url: string): Promise<string> => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return res.text();
    };
    const mceFiles = async (): Promise<Record<string, string>> =>
      Object.fromEntries(await Promise.all(MCE_TABLE_FILES.map(async (name) => [name, await fetchText(`${msg.grouperBaseUrl}${name}`)] as const)));
    core = createEncoderCore(loader, (p) => post({ type: 'progress', progress: p }), { mceFiles });
    return;
  }
  if (!core) {
    post({ type: 'error', id: msg.id, message: 'encoder worker not initialised' });
    return;
  }
  try {
    const api = core;
    const call = (method: keyof EncoderApi, args: unknown[]): Promise<unknown> =>
      (api[method] as (this: EncoderApi, ...a: unknown[]) => Promise<unknown>).apply(api, args);
    const result = await call(msg.method, msg.args);
    post({ type: 'result', id: msg.id, result });
  } catch (err) {
    post({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
  }
};
