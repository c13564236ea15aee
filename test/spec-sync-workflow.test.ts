// The spec-sync workflow's pull step, run as GitHub runs it (bash -eo pipefail) with `npm` stubbed to end as pull
// can: a refused pull (5: the candidate breaks the wrapper; 1: any other refusal) fails the job with the report in
// its summary, and the steps after it, the pull request among them, do not run; 0, 3 and 4 go on to the PR.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanUp, run, tempDir } from './support/process.js';
import { ROOT } from './support/scratch-project.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  'continue-on-error'?: boolean;
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/spec-sync.yml'), 'utf8'));
const steps: Step[] = workflow.jobs.sync.steps;
const pullStep = steps.find((s) => s.id === 'pull')!;

const REPORT = [
  'SDK-breaking (1)',
  '  src/partoo/client.ts:88 send_invitation: operationId sendReviewInvitation removed; key the call by path',
].join('\n');

let dir: string;
beforeAll(() => void (dir = tempDir('pas-spec-sync')));
afterAll(cleanUp);

async function pullStepEndingWith(status: number) {
  const bin = join(dir, `bin-${status}`);
  await run('mkdir', ['-p', bin]);
  const npm = join(bin, 'npm');
  writeFileSync(
    npm,
    `#!/bin/sh\necho "$@" > "${bin}/args"\necho '${REPORT}'\necho 'pull: refused' >&2\nexit ${status}\n`,
  );
  chmodSync(npm, 0o755);
  const [output, summary, script] = ['output', 'summary', 'step.sh'].map((f) => join(bin, f));
  writeFileSync(script, pullStep.run!);
  writeFileSync(summary, '');
  const exit = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: bin,
    env: { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, FROM: '' },
  });
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return { ...exit, output: read(output), summary: read(summary), args: read(join(bin, 'args')) };
}

describe('spec-sync workflow', () => {
  it('fails the pull step on exit 5, with the report and what to do in the job summary', async () => {
    const r = await pullStepEndingWith(5);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('status=5');
    expect(r.summary).toContain("Spec pull refused: the new spec breaks the SDK's hand-written code");
    expect(r.summary).toContain(REPORT);
    expect(r.summary).toContain('pull: refused');
    expect(r.summary).toMatch(/no pull request was opened/);
    expect(r.summary).toContain('--accept-breaking');
    const error = r.out.split('\n').find((l) => l.startsWith('::error'));
    expect(error).toMatch(/^::error title=Spec pull refused \(exit 5\)::Spec pull refused: /);
    expect(error).toMatch(/\. Nothing written, no pull request; the report is in the job summary$/);
    expect(r.args.trim()).toBe('run --silent pull --');
  });

  it('fails the pull step on exit 1 the same way, naming the status', async () => {
    const r = await pullStepEndingWith(1);
    expect(r.code).not.toBe(0);
    expect(r.summary).toContain('Spec pull failed (exit 1)');
    expect(r.summary).toContain(REPORT);
  });

  it.each([0, 3, 4])('lets exit %i go on to the PR, with nothing in the summary', async (status) => {
    const r = await pullStepEndingWith(status);
    expect(r.code).toBe(0);
    expect(r.output).toContain(`status=${status}`);
    expect(r.summary).toBe('');
  });

  it('opens no PR after a failed pull step: no later step runs whatever came before', () => {
    const after = steps.slice(steps.indexOf(pullStep) + 1);
    expect(after.some((s) => s.uses?.startsWith('peter-evans/create-pull-request'))).toBe(true);
    // always(), failure() or cancelled() would run a step after the pull failed; success() is the default
    for (const s of after) expect(s.if ?? '', s.name).not.toMatch(/always\(\)|failure\(\)|cancelled\(\)/);
    expect(pullStep['continue-on-error']).toBeUndefined();
  });
});
