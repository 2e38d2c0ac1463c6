import { describe, expect, it } from 'vitest';
import { bundledScenarioFiles, loadBundledScenarios } from './loadScenarios';

describe('loadBundledScenarios', () => {
  it('bundles every YAML file under scenarios/ with its path relative to that folder', () => {
    const files = bundledScenarioFiles();
    expect(files.map((f) => f.file)).toContain('coding/01-lll-pneumonia-effusion.yaml');
    expect(files.every((f) => /^[a-z]+\/\d{2}-[\w-]+\.yaml$/.test(f.file))).toBe(true);
  });

  it('validates them into catalogue entries (no bundled scenario is broken)', () => {
    const loaded = loadBundledScenarios();
    expect(loaded.length).toBe(bundledScenarioFiles().length);
    expect(loaded.filter((s) => !s.ok)).toEqual([]);
  });
});
