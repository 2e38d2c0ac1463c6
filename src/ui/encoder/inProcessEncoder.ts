/**
 * The encoder on the main thread, over any CodesetLoader: used by tests (Node loader) and by
 * browsers without Web Workers (fetch loader). Loading starts only when first asked for.
 */
import { CodesetLoader } from '../../codesets/load.ts';
import { codesetBaseUrl, progressHub, type EncoderHandle } from './codesetClient.ts';
import { createEncoderCore } from './encoderCore.ts';

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
