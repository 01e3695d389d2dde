// `npm run lint`: eslint finds defects (typescript-eslint's recommended rules, promises nobody awaits, import
// cycles between modules); prettier owns the layout, so every rule about spacing is off (eslint-config-prettier).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import unusedImports from 'eslint-plugin-unused-imports';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PRODUCT = ['server/src/**/*.ts', 'client/src/**/*.ts', 'shared/**/*.ts'];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test-artifacts/**',
      '.cache/**',
      'test/fixtures/**',
      '**/*.d.ts',
      'server/src/analysis/lexicon/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `for (;;)` polling loops end by return or throw.
      'no-constant-condition': ['error', { checkLoops: false }],
      // The analysis escapes `-` and `[` in character classes on purpose, so a reader sees them as literals.
      'no-useless-escape': 'off',
      // Control characters are matched on purpose: ASCII tests, characters XML cannot carry.
      'no-control-regex': 'off',
    },
  },
  // Type-aware checks on the product (the server, the client, their contract): a promise nobody awaits loses an
  // error or a write, an `any` leaks past the types, a cast that changes nothing hides the real type.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: PRODUCT })),
  {
    files: PRODUCT,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // Commands and handlers are `async` to fit the interface they implement, whether or not they await today.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Modules that import each other load half-initialized under esbuild and node alike: no cycles.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/webview/**/*.ts', 'shared/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too: without a parser for them the rule silently sees no cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'client/webview/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The webview runs in the browser; scripts and bin are plain Node.
    files: ['client/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // After the presets, which turn typescript-eslint's own rule on: an unused import is removed by `npm run format`
    // (eslint --fix), other unused names are reported; `_` marks a parameter kept for its position in a signature.
    plugins: { 'unused-imports': unusedImports },
    rules: {
      '@typescript-eslint/no-unused-vars': 'off',
      'unused-imports/no-unused-imports': 'error',
      'unused-imports/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  prettier,
);
