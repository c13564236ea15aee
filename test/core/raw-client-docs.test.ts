// docs/raw-client.md's table of what `.api` does otherwise than bare openapi-fetch is the list the differential
// tests allow: one row per key of DIFFERENCES, in its order, each citing a test that exists and shows it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/doc-blocks.js';
import { DIFFERENCES } from './raw-client-differences.js';

const PAGE = 'docs/raw-client.md';
const HEADING = '## What differs from bare openapi-fetch';

interface Row {
  difference: string;
  file: string;
  test: string;
}

/** The rows of the first table after `heading`: its cells trimmed, the header and the separator left out. */
export function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${PAGE} has no "${heading}" section`);
  const lines = markdown.slice(start).split('\n').slice(2);
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  const table = lines.slice(first, end < 0 ? undefined : end);
  return table.slice(2).map((l) =>
    l
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  );
}

/** A "shown by" cell: `path` › test name. */
function citation(cell: string): { file: string; test: string } {
  const m = /^`([^`]+)` › (.+)$/.exec(cell);
  if (!m) throw new Error(`not a citation of the form \`file\` › test name: ${cell}`);
  return { file: m[1] as string, test: m[2] as string };
}

/** Whether `source` declares a test called `name`, quoted any of the three ways. */
export function declaresTest(source: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(?:it|test)(?:\\.\\w+)*\\(\\s*(['"\`])${escaped}\\1`).test(source);
}

const rows: Row[] = tableRows(readFileSync(join(ROOT, PAGE), 'utf8'), HEADING).map(([difference, , shownBy]) => ({
  difference: difference ?? '',
  ...citation(shownBy ?? ''),
}));

describe(`${PAGE}: the table of differences`, () => {
  it('has one row per key of DIFFERENCES, in its order, and no other', () => {
    expect(rows.map((r) => r.difference)).toEqual(Object.keys(DIFFERENCES));
  });

  it.each(rows.map((r) => [r.difference, r] as const))('%s: the test it cites exists', (_, row) => {
    expect(existsSync(join(ROOT, row.file)), row.file).toBe(true);
    expect(declaresTest(readFileSync(join(ROOT, row.file), 'utf8'), row.test), `${row.file} › ${row.test}`).toBe(true);
  });
});

describe('the checks themselves', () => {
  const page = ['# t', HEADING, '', '| a | b | c |', '| --- | --- | --- |', '| x | y | `f` › n |', '', 'after'];

  it('reads the table under the heading, and only it', () => {
    expect(tableRows(page.join('\n'), HEADING)).toEqual([['x', 'y', '`f` › n']]);
    expect(() => tableRows('# t\n', HEADING)).toThrow(/no "## What differs/);
  });

  it('finds a test by its exact name, whatever the quotes, and not a part of it', () => {
    expect(declaresTest(`it("a: b's", () => {})`, "a: b's")).toBe(true);
    expect(declaresTest(`it(\n  'a (b)',\n  () => {},\n)`, 'a (b)')).toBe(true);
    expect(declaresTest(`it('a longer name', () => {})`, 'a longer')).toBe(false);
    expect(declaresTest(`describe('a (b)', () => {})`, 'a (b)')).toBe(false);
  });
});
