// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const pureLayerImports = {
  patterns: [
    {
      group: ['svelte', 'svelte/*', 'xstate', 'xstate/*', '@xstate/*', 'dexie', 'dexie/*', 'chart.js', 'chart.js/*'],
      message: 'src/domain, src/codesets and src/content are pure TypeScript: no Svelte, XState, Dexie or Chart.js (house style: layers).',
    },
    { group: ['**/ui/**', '**/machines/**', '**/persistence/**'], message: 'The pure layers may not import outer layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.ci-out/', 'test-results/', 'playwright-report/', 'public/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, svelteConfig } },
  },
  { files: ['src/domain/**/*.ts', 'src/codesets/**/*.ts', 'src/content/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureLayerImports] } },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  { files: ['eslint.config.js', 'svelte.config.js'], ...tseslint.configs.disableTypeChecked },
);
