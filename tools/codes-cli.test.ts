import { describe, expect, it } from 'vitest';
import { runCli } from './codes-cli.ts';

describe('codes CLI', () => {
  it('looks up J189 with dot, title, reportable and flags', async () => {
    const { out, code } = await runCli(['lookup', 'J189', '--date', '2025-12-01']);
    expect(code).toBe(0);
    expect(out).toContain('J18.9  Pneumonia, unspecified organism');
    expect(out).toContain('reportable | ICD-10-CM | POA required');
  });

  it('prints MCE flags', async () => {
    const { out } = await runCli(['lookup', 'O80', '--date', '2026-01-15']);
    expect(out).toContain('POA exempt');
    expect(out).toMatch(/flag: MCE: Maternity diagnosis/);
  });

  it('explains a header', async () => {
    const { out } = await runCli(['lookup', 'J18', '--date', '2025-12-01']);
    expect(out).toContain('J18 is a category: add a 4th character (J18.0-J18.9).');
  });

  it('searches "chf acute on chronic"', async () => {
    const { out, code } = await runCli(['search', 'chf acute on chronic', '--date', '2025-12-01']);
    expect(code).toBe(0);
    expect(out.split('\n')[1]).toMatch(/^I50\.23\s+reportable\s+Acute on chronic systolic \(congestive\) heart failure/);
  }, 60_000);

  it('prints usage for unknown commands', async () => {
    const { out, code } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(out).toMatch(/^usage:/);
  });
});
