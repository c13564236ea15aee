// Why msw would not load in a CommonJS program, in words that name the fix. In jest's CommonJS mode msw 2 fails
// inside a dependency that ships as ESM only with a SyntaxError ("Cannot use import statement outside a module",
// "Unexpected token 'export'"), which names neither the cause nor the way out.

/** The error a CommonJS `require('partoo-argyle-sdk/msw')` throws when msw will not load there. */
export function mswRefusal(cause: unknown): Error {
  const code = (cause as { code?: string } | null)?.code;
  const said = cause instanceof Error ? `${cause.name}: ${cause.message.split('\n')[0]}` : String(cause);
  if (code === 'MODULE_NOT_FOUND' && /'msw'/.test(said))
    return new Error(`partoo-argyle-sdk/msw needs msw: npm install --save-dev msw@2 (${said})`, { cause });
  // Plain Node before 20.19 cannot require() msw's ESM-only dependencies either
  if (code === 'ERR_REQUIRE_ESM')
    return new Error(
      `partoo-argyle-sdk/msw: this Node cannot require() msw 2's ESM-only dependencies; use Node 20.19 or later, ` +
        `or import the entry from ESM (${said})`,
      { cause },
    );
  return new Error(
    'partoo-argyle-sdk/msw: msw 2 does not load in jest CommonJS mode (it needs packages that ship as ESM only). ' +
      'Use jest ESM: NODE_OPTIONS=--experimental-vm-modules npx jest, with .mjs test files or "type": "module" ' +
      '(docs/mock-servers.md, "Mocking in-process with MSW"). ' +
      'Or use startMockServers from partoo-argyle-sdk/testing, which needs no ' +
      `msw. (msw said: ${said})`,
    { cause },
  );
}
