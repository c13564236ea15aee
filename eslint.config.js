// Lint rules that keep the code readable in small pieces (line width, nesting, function and file length) and keep
// time and randomness behind one seam that tests can drive. Syntax only, no type information, so `npm run lint`
// takes seconds, not a minute.
// Formatting is Prettier's job (`npm run format:check`); layering is dependency-cruiser's (`npm run lint:layers`).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const CODE = '**/*.{ts,mts,cts,js,mjs,cjs}';

// Prettier wraps code at 120 but leaves long strings and comments alone; this catches those. A URL cannot be split.
const maxLen = ['error', { code: 120, comments: 120, ignoreUrls: true }];

const NO_AS_NEVER = [
  {
    selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation',
    message: '`as never` switches type checking off; type the value (a generated type, `satisfies`, a narrowing).',
  },
  {
    selector: 'TSTypeAssertion > TSNeverKeyword.typeAnnotation',
    message: '`<never>` switches type checking off; type the value (a generated type, `satisfies`, a narrowing).',
  },
];

const SEAM = 'read time and randomness through the Runtime of src/core/runtime.ts (tests drive it with a clock)';
const NO_AMBIENT_TIME = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: `No Date.now: ${SEAM}.` },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: `No Math.random: ${SEAM}.` },
  { selector: "MemberExpression[property.name='randomUUID']", message: `No crypto.randomUUID: ${SEAM}.` },
  { selector: "ImportSpecifier[imported.name='randomUUID']", message: `No randomUUID import: ${SEAM}.` },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `No new Date(): ${SEAM}.` },
];

// The one module allowed to read the system's clock and randomness: everything else takes a Runtime.
const TIME_SEAM = ['src/core/runtime.ts'];

export default defineConfig(
  {
    ignores: [
      'src/generated/**', // written by `npm run codegen` only; its bytes are checked by `codegen --check`
      'dist/**',
      'coverage/**',
      'docs-api/**', // npm run docs writes the reference here
      'reports/**',
      'test-results/**',
      'openapi/**',
      '**/node_modules/**',
      '.stryker-tmp/**',
    ],
  },
  { files: [CODE], extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  {
    files: [CODE],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Node's and the web platform's globals; no-undef is off for TypeScript (tsc checks names), on for .mjs/.cjs.
      globals: Object.fromEntries(
        [
          ...['console', 'process', 'Buffer', 'require', 'module', '__dirname', 'globalThis', 'crypto', 'performance'],
          ...['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask'],
          ...['fetch', 'Request', 'Response', 'Headers', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal'],
          ...['TextEncoder', 'TextDecoder', 'structuredClone'],
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      'max-len': maxLen,
      'no-nested-ternary': 'error',
      // `_`-prefixed names are deliberately unused (a parameter a signature requires, a rest sibling that drops a key)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.{ts,mts,cts}'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // 15: a public method over named helpers stays well under it, while an options check that reads a dozen
      // optional fields with `??` (ESLint counts each `??`, `||`, `&&`, `?.` and default value) still fits. The
      // default 20 let the 214-line closure's pieces through; 10 flags plain option parsing.
      complexity: ['error', { max: 15 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      // counted as `wc -l` counts them: a file this long holds more than one subject
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-depth': ['error', { max: 4 }],
      'no-restricted-syntax': ['error', ...NO_AS_NEVER],
    },
  },
  {
    // Time and randomness go through the Runtime seam, so tests run every wait and draw on a controlled clock.
    files: ['src/**/*.ts'],
    ignores: TIME_SEAM,
    rules: { 'no-restricted-syntax': ['error', ...NO_AS_NEVER, ...NO_AMBIENT_TIME] },
  },
  {
    // The mock reads OpenAPI documents as YAML parses them, request bodies after Prism's validator has checked them
    // against the spec, and Prism's untyped CommonJS internals: `any` there stands for "the spec says what it is".
    files: ['src/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The partner page's jest recipe is CommonJS as a jest project without a build writes it: require() and
    // jest's globals.
    files: ['docs/examples/mock-jest/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: Object.fromEntries(
        ['beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'test', 'expect'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', 'examples/**'],
    rules: {
      // Tests, scripts and benches walk untyped JSON (spec documents, mock payloads, vitest's report) by path; a
      // precise type there would restate the fixture it reads, so `any` is allowed outside src/.
      '@typescript-eslint/no-explicit-any': 'off',
      // Type tests state an expression under `// @ts-expect-error` (`result.invitationId;`) to pin a compile error.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
