// The end-to-end check `npm run pull` runs on a candidate spec before it writes anything. In a scratch copy of the
// project (src/, test/, examples/, scripts/, openapi/; node_modules linked package by package so that caches the
// generators write stay in the copy) it: generates the types and the mock's compiled validators; type-checks src/,
// test/ and examples/; lints the spec with the mock overlay merged; and walks the wrapper's send, skip, status and
// search against the stateful mock built from the candidate (scripts/pull-smoke.ts). Every failure comes back as a
// break at file:line; scripts/spec-breaks.ts says which spec change is behind it and what to do.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Change } from './spec-diff.js';
import { type Break, explain } from './spec-breaks.js';

const COPIED = ['src', 'test', 'examples', 'scripts', 'openapi'];
const FILES = ['tsconfig.json', 'package.json'];
const STEP_TIMEOUT_MS = 180_000;

export interface CheckInput {
  root: string;
  /** relative path -> new text, written into the copy before anything runs (the snapshot, the overlay) */
  files: Record<string, string>;
  changes: Change[];
  /** the overlay lint's finding, already computed by the pull */
  overlayProblem?: { at: string; message: string };
}

export interface CheckResult {
  breaks: Break[];
  /** what each step took, in ms, for the report's last line */
  steps: { name: string; ms: number; ok: boolean }[];
  /** relative path -> text generated in the copy (src/generated/, the compiled validators), written on success */
  generated: Record<string, string>;
}

/** Outputs the pull lands with the snapshot: what `npm run codegen` and the validator build write from it. */
export const GENERATED = ['src/generated/partoo.ts', 'src/generated/argyle.ts', 'src/testing/compiled/validators.ts'];

function scratchCopy(from: string): string {
  const root = resolve(from);
  const work = mkdtempSync(join(tmpdir(), 'pas-pull-check-'));
  for (const dir of COPIED)
    if (existsSync(join(root, dir))) cpSync(join(root, dir), join(work, dir), { recursive: true });
  for (const f of FILES) if (existsSync(join(root, f))) cpSync(join(root, f), join(work, f));
  mkdirSync(join(work, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(root, 'node_modules', name), join(work, 'node_modules', name));
  }
  // Only what a consumer of the wrapper compiles: bench/ and tool configs are not part of the check.
  writeFileSync(
    join(work, 'tsconfig.pull-check.json'),
    JSON.stringify({ extends: './tsconfig.json', include: ['src', 'test', 'examples'] }),
  );
  return work;
}

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

function run(cwd: string, args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** The line that says why a script failed: its error's own line, past warnings a generator printed first. */
function failure(r: Ran): string {
  const lines = `${r.err}\n${r.out}`.split('\n').map((l) => l.trim());
  return (
    lines.find((l) => /^\w*Error\b.*:/.test(l) || /^\w+: .*; nothing written$/.test(l)) ??
    lines.find(Boolean) ??
    `exit ${r.code}`
  );
}

const TSC_ERROR = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/;

/** tsc's errors as breaks; a message's continuation lines (indented) are dropped: the first line names it. */
function tscBreaks(work: string, output: string, changes: Change[]): Break[] {
  const breaks: Break[] = [];
  for (const line of output.split('\n')) {
    const m = TSC_ERROR.exec(line.trim());
    if (!m) continue;
    const file = m[1].replace(/\\/g, '/');
    const text = existsSync(join(work, file))
      ? (readFileSync(join(work, file), 'utf8').split('\n')[+m[2] - 1] ?? '')
      : '';
    breaks.push(explain(`${file}:${m[2]}`, `${m[3]} ${m[4]}`, text, changes));
  }
  return breaks;
}

/** The first frame of a stack that lies in the copy's own code, relative to it, as file:line. */
function frameIn(work: string, stack: string): string {
  for (const m of stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+\.ts):(\d+):\d+/g)) {
    const rel = relative(work, m[1]);
    if (!rel.startsWith('..') && !rel.startsWith('node_modules') && !rel.startsWith('scripts/pull-smoke')) {
      return `${rel}:${m[2]}`;
    }
  }
  return 'scripts/pull-smoke.ts:1';
}

async function smoke(work: string, changes: Change[]): Promise<Break[]> {
  const r = await run(work, [join(work, 'node_modules/tsx/dist/cli.mjs'), 'scripts/pull-smoke.ts']);
  const last = r.out.trim().split('\n').at(-1) ?? '';
  let result: { failed?: { step: string; message: string; stack: string } };
  try {
    result = JSON.parse(last);
  } catch {
    const first = failure(r);
    return [explain(frameIn(work, r.err), `the wrapper's walk did not run: ${first}`, '', changes)];
  }
  if (!result.failed) return [];
  const { step, message, stack } = result.failed;
  return [explain(frameIn(work, stack), `${step} against the candidate's stateful mock: ${message}`, '', changes)];
}

const typeCheck = (work: string) =>
  run(work, [
    join(work, 'node_modules/typescript/bin/tsc'),
    '--noEmit',
    '--pretty',
    'false',
    '-p',
    'tsconfig.pull-check.json',
  ]);

/** Type errors the candidate causes: those the tree already had on its current snapshot are not the spec's doing
 *  (they are counted apart), so the copy is type-checked again on the current files before anything is blamed. */
async function typeBreaks(input: CheckInput, work: string, tsx: string): Promise<Break[]> {
  const r = await typeCheck(work);
  const found = tscBreaks(work, r.out + r.err, input.changes);
  // tsc that fails without a located error (no tsconfig, a crash) is a failed check, never a pass.
  if (r.code !== 0 && !found.length) return [explain('tsconfig.json:1', `tsc failed: ${failure(r)}`, '', [])];
  if (!found.length) return found;
  for (const file of Object.keys(input.files)) {
    const current = join(input.root, file);
    if (existsSync(current)) writeFileSync(join(work, file), readFileSync(current));
  }
  const regenerated = await run(work, [tsx, 'scripts/codegen.ts']);
  if (regenerated.code !== 0) return found;
  const before = await typeCheck(work);
  const already = new Set(tscBreaks(work, before.out + before.err, []).map((b) => `${b.at} ${b.problem}`));
  return found.filter((b) => !already.has(`${b.at} ${b.problem}`));
}

async function step<T>(steps: CheckResult['steps'], name: string, fn: () => Promise<T[]>): Promise<T[]> {
  const started = performance.now();
  const found = await fn();
  steps.push({ name, ms: Math.round(performance.now() - started), ok: found.length === 0 });
  return found;
}

export async function checkCandidate(input: CheckInput): Promise<CheckResult> {
  const work = scratchCopy(input.root);
  const result: CheckResult = { breaks: [], steps: [], generated: {} };
  const tsx = join(work, 'node_modules/tsx/dist/cli.mjs');
  try {
    for (const [file, text] of Object.entries(input.files)) writeFileSync(join(work, file), text);
    const generate = await step(result.steps, 'generate', async () => {
      for (const script of ['scripts/codegen.ts', 'scripts/build-mock-validators.ts']) {
        const r = await run(work, [tsx, script]);
        if (r.code !== 0) {
          const message = failure(r);
          return [explain(`${script}:1`, `${script} failed: ${message}`, '', input.changes)];
        }
      }
      return [];
    });
    result.breaks.push(...generate);
    if (generate.length) return result;
    for (const file of GENERATED) result.generated[file] = readFileSync(join(work, file), 'utf8');
    result.breaks.push(
      ...(await step(result.steps, 'type-check src/, test/, examples/', () => typeBreaks(input, work, tsx))),
    );
    result.breaks.push(
      ...(await step(result.steps, 'lint the overlay', async () => {
        const p = input.overlayProblem;
        return p ? [explain(p.at, p.message, '', input.changes)] : [];
      })),
    );
    result.breaks.push(...(await step(result.steps, 'send, skip, status, search', () => smoke(work, input.changes))));
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
