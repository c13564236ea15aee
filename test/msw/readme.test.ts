// docs/mock-servers.md's "Mocking in-process with MSW" gives partners a test file to copy; it must be the one
// vitest runs here
// (examples/partner-test.msw.test.ts is in this suite), word for word.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'docs/mock-servers.md'), 'utf8');

it('the mock page embeds the MSW partner example verbatim, in its own section', () => {
  const start = README.indexOf('## Mocking in-process with MSW');
  expect(start).toBeGreaterThan(0);
  const section = README.slice(start, README.indexOf('\n## ', start));
  // ```typescript, not ```ts: test/docs-examples.test.ts runs ```ts blocks inside a test, where a file of tests
  // can't run.
  const blocks = [...section.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = readFileSync(join(ROOT, 'examples/partner-test.msw.test.ts'), 'utf8');
  expect(blocks).toEqual([example]);
  expect(example).toContain("from 'partoo-argyle-sdk/msw'");
  expect(example).toContain("onUnhandledRequest: 'error'");
});
