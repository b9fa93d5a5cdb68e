// @ts-check
// One flat config for browser code, server, tests, stories and scripts. Type-aware rules run on
// TypeScript only; plain .js/.mjs scripts get the untyped recommended set. Zero warnings is enforced
// by `npm run lint` (--max-warnings 0), so every rule here is either an error or off.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      '.tmp/**',
      // Generated from the OpenAPI document by `npm run openapi`.
      'src/api/schema.d.ts',
      // Generated from custom-elements.json by `npm run manifest` (they import react and vue, which only hosts install).
      'types/**',
      // Framework host apps: their own packages, type-checked by their own compilers (test/hosts/run.mjs).
      'test/hosts/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are how Intl-free labels and CSS values are built.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // @open-wc/semantic-dom-diff adds a `Promise<Assertion>` overload to chai's `Equal` interface
      // (`.equal`, `.eq`, `.eql`), although plain value assertions run synchronously. Allow calls of that
      // one type instead of switching the rule off: every other unawaited promise is still an error,
      // including `expect(el).to.be.accessible()`, which really is asynchronous.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'chai', name: 'Equal' },
            // node:test awaits the promises its describe/it return; awaiting them by hand is noise.
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] },
          ],
        },
      ],
      // `() => void element.remove()`-style shorthands are idiomatic in handlers and tests.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // It asks for `x!` where no-non-null-assertion forbids it: the two contradict each other, keep the stricter.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
    },
  },
  {
    // Browser code: Lit, web components and the accessibility rules apply to the templates.
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ignores: ['test/server/**'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs.recommended],
    languageOptions: { globals: globals.browser },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: [
      'server/**/*.ts',
      'test/server/**/*.ts',
      'scripts/**',
      'bench/**',
      'test/smoke/**',
      'test/scripts/**',
      '*.config.*',
      '*.mjs',
      '.storybook/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // In a test a wrong `!` fails the test at once, which is what the assertion would do.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['demo/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts that drive Chromium pass functions to page.evaluate(): those run in the page.
    files: ['bench/**', 'test/smoke/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Plain JavaScript has no type information to feed type-aware rules.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
