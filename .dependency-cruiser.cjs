// The layering of src/ as rules that fail `npm run lint:layers`, so each layer can be read and tested alone.
// Type-only imports and dynamic `import()` count: tsPreCompilationDeps keeps `import type` edges, and a literal
// `import('./x.js')` is an edge like any other.
// Layers, bottom up: generated (types from the specs) < core (what both APIs share) < partoo, argyle (one API
// each) < the entries on top: index.ts (the core entry), redis, testing (the mock), msw, cli.
const ENTRIES_ABOVE_THE_CORE = '^src/(testing|redis|cli|msw)(/|[.]ts$)';

// Cycles that exist on purpose. client.ts and send.ts name each other's types only (the client hands the lazily
// loaded sender its context; the sender takes the client's input type); redis/index.ts re-exports the limiter,
// which takes index.ts's RedisLike type. Anything else that closes a loop fails.
const KNOWN_CYCLES = '^src/(partoo/(client|send)|redis/(index|rate-limit))[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-shared',
      comment: 'src/core is what both APIs share: it imports no API, no mock, no entry above it.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(partoo|argyle|testing|redis|cli|msw)(/|[.]ts$)|^src/index[.]ts$' },
    },
    {
      name: 'partoo-stands-alone',
      comment: 'src/partoo imports the core and the generated types, never Argyle, the mock or an entry.',
      severity: 'error',
      from: { path: '^src/partoo/' },
      to: { path: '^src/(argyle|testing|redis|cli|msw)(/|[.]ts$)|^src/index[.]ts$' },
    },
    {
      name: 'argyle-stands-alone',
      comment: 'src/argyle imports the core and the generated types, never Partoo, the mock or an entry.',
      severity: 'error',
      from: { path: '^src/argyle/' },
      to: { path: '^src/(partoo|testing|redis|cli|msw)(/|[.]ts$)|^src/index[.]ts$' },
    },
    {
      name: 'generated-imports-nothing',
      comment: 'src/generated is written by codegen from the specs alone.',
      severity: 'error',
      from: { path: '^src/generated/' },
      to: {},
    },
    {
      name: 'core-entry-stays-small',
      comment:
        'src/index.ts (the package\'s "." export) never reaches the mock, Redis, the CLI or MSW, by any path ' +
        'and by dynamic import() too: they are separate entries with optional peer dependencies.',
      severity: 'error',
      from: { path: '^src/index[.]ts$' },
      to: { path: ENTRIES_ABOVE_THE_CORE, reachable: true },
    },
    {
      name: 'mock-only-from-its-entries',
      comment:
        'The mock (src/testing) is imported only by itself and its entries: src/msw and src/cli (the mock command).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(testing|msw|cli)/' },
      to: { path: '^src/testing/' },
    },
    {
      name: 'redis-over-core-and-guard',
      comment: 'src/redis implements the guard store and the limiter: it imports src/core and src/partoo/guard only.',
      severity: 'error',
      from: { path: '^src/redis/' },
      to: { path: '^src/', pathNot: '^src/(core|redis|partoo/guard)/' },
    },
    {
      name: 'redis-takes-guard-types-only',
      comment: 'From src/partoo/guard, src/redis takes types only, so ./redis does not bundle the send path.',
      severity: 'error',
      from: { path: '^src/redis/' },
      to: { path: '^src/partoo/guard/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'no-new-cycles',
      comment: 'No circular dependency inside src/ besides the deliberate ones listed in KNOWN_CYCLES.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaSomeNot: KNOWN_CYCLES },
    },
  ],
  options: {
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // './x.js' in NodeNext source resolves to ./x.ts (dependency-cruiser does that when x.js does not exist)
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
