// A scratch copy of this project (node_modules linked, not copied), for running its scripts against broken
// inputs without touching the checkout. Removed by `cleanUp()` from ./process.js.
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './process.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** tsx's command line, run with this Node: what `npx tsx` runs, without npx. */
export const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export function scratchProject(prefix: string, folders = ['openapi', 'scripts', 'src']): string {
  const work = tempDir(prefix);
  for (const dir of folders) cpSync(join(ROOT, dir), join(work, dir), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  writeFileSync(join(work, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  return work;
}
