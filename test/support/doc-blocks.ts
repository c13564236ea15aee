// The code blocks of a Markdown page, each with what the page says it prints, so docs stay true: a page's examples
// run in a test and their output is compared with the page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface DocBlock {
  /** the page, relative to the repository root */
  file: string;
  /** the line of the opening fence, 1-based */
  line: number;
  /** the info string's first word: ts, sh, python, ... */
  lang: string;
  /** the info string's second word, e.g. `install` for an install command a test checks but does not run */
  tag: string;
  code: string;
  /** the ```text block that directly follows, when the page shows what this block prints */
  prints?: string;
}

const FENCE = /^```(\S*)[ \t]*(\S*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;

/** Every fenced block of `file` in page order; a ```text block is attached to the block before it as `prints`. */
export function docBlocks(file: string): DocBlock[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const blocks: DocBlock[] = [];
  let previousEnd = -1;
  for (const m of source.matchAll(FENCE)) {
    const [whole, lang = '', tag = '', code = ''] = m;
    const start = m.index;
    const line = source.slice(0, start).split('\n').length;
    const last = blocks.at(-1);
    if (lang === 'text' && last && !last.prints && /^\s*$/.test(source.slice(previousEnd, start))) {
      last.prints = code;
    } else {
      blocks.push({ file, line, lang, tag, code });
    }
    previousEnd = start + whole.length;
  }
  return blocks;
}

const PLACEHOLDERS: Record<string, string> = {
  '<id>': '[A-Za-z0-9_.:-]+',
  '<time>': '\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(?:Z|[+-]\\d\\d:\\d\\d)?',
  '<n>': '-?\\d+(?:\\.\\d+)?',
};

function linePattern(expected: string): RegExp {
  const parts = expected.split(/(<id>|<time>|<n>)/);
  const body = parts.map((p) => PLACEHOLDERS[p] ?? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${body}$`);
}

/** Whether `actual` is what `expected` shows, line for line, placeholders standing for ids, times and numbers. */
export function printedMatches(actual: string, expected: string): boolean {
  const lines = (text: string) =>
    text
      .replace(/\s+$/, '')
      .split('\n')
      .map((l) => l.trimEnd());
  const got = lines(actual);
  const want = lines(expected);
  return got.length === want.length && want.every((w, i) => linePattern(w).test(got[i] ?? ''));
}

/** Fails with both texts side by side when the output is not what the page shows. */
export function expectPrinted(actual: string, expected: string): void {
  if (!printedMatches(actual, expected)) expect(actual.trimEnd()).toBe(expected.trimEnd());
}
