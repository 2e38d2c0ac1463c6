/**
 * The encoder on the main thread, over any CodesetLoader: used by tests (Node loader) and by
 * browsers without Web Workers (fetch loader). Loading starts only when first asked for.
 */
import { CodesetLoader } from '../../codesets/load.ts';
import { MCE_TABLE_FILES } from '../../domain/mce/index.ts';
import { codesetBaseUrl, grouperBaseUrl, progressHub, type EncoderHandle } from './codesetClient.ts';
import { createEncoderCore, type EncoderOptions } from './encoderCore.ts';

export function inProcessEncoder(loader?: CodesetLoader, options?: EncoderOptions): EncoderHandle {
  const hub = progressHub();
  const l =
    loader ??
    new CodesetLoader(async (name) => {
      const res = await fetch(`${codesetBaseUrl()}${name}`);
      if (!res.ok) throw new Error(`code-set file ${name}: HTTP ${res.status}`);
      return res.text();
    });
  const opts: EncoderOptions = options ?? {
    mceFiles: async () =>
      Object.fromEntries(
        await Promise.all(
          MCE_TABLE_FILES.map(async (name) => {
            const res = await fetch(`${grouperBaseUrl()}${name}`);
            if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
            return [name, await res.text()] as const;
          }),
        ),
      ),
  };
  return { api: createEncoderCore(l, (p) => hub.emit(p), opts), ...hub.handle };
}
