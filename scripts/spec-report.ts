// What `npm run pull` says about a refresh: the text a maintainer reads (also the drafted changeset's body and the
// spec-sync PR's description), the JSON a tool reads, the version bump and the exit status.
import type { Change } from './spec-diff.js';
import type { OverlaySync } from './overlay-sync.js';
import { type Break, condense } from './spec-breaks.js';
import type { InvalidExample } from './spec-examples.js';

export type Bump = 'major' | 'minor' | 'patch';

export interface SpecReport {
  spec: 'partoo' | 'argyle';
  file: string;
  from: string;
  operations: { added: string[]; removed: string[]; changed: string[] };
  changes: Change[];
  /** `problem`: the merged mock spec no longer validates (an example against a changed schema); edit the overlay */
  overlay: { file: string; renamed: OverlaySync['renamed']; dropped: OverlaySync['dropped']; problem?: string };
  /** undefined when the API did not change (the bytes may have) */
  bump: Bump | undefined;
  exitCode: number;
  changeset?: string;
  /** examples upstream gives that break their own schema: reported, and answered by the static mock as a 500 */
  invalidExamples?: InvalidExample[];
  /** the end-to-end check in a scratch copy; absent when nothing was to be written */
  check?: { breaks: Break[]; steps: { name: string; ms: number; ok: boolean }[] };
  /** whether the snapshot was written: false when the check found breaks and --accept-breaking was not given */
  written?: boolean;
}

/** Exit statuses of `npm run pull` (documented in docs/regenerating.md); `breaks`: the scratch check failed. */
export const EXIT = { ok: 0, refused: 1, breakingForApiUsers: 3, breakingForSdk: 4, breaks: 5 } as const;

export function verdict(changes: Change[], added: string[]): { bump: Bump | undefined; exitCode: number } {
  const sdk = changes.some((c) => c.sdkBreaking);
  const breaking = sdk || changes.some((c) => c.kind === 'breaking');
  // Users of the raw `.api` client see every operation's types, so any breaking change is a major for them.
  return { bump: bumpFor(breaking, added.length > 0, changes.length > 0), exitCode: exitCodeFor(sdk, breaking) };
}

function bumpFor(breaking: boolean, added: boolean, changed: boolean): Bump | undefined {
  if (breaking) return 'major';
  if (added) return 'minor';
  return changed ? 'patch' : undefined;
}

function exitCodeFor(sdkBreaking: boolean, breaking: boolean): number {
  if (sdkBreaking) return EXIT.breakingForSdk;
  return breaking ? EXIT.breakingForApiUsers : EXIT.ok;
}

/** Lines a group shows before it counts the rest: the whole report must fit one screen (--json has everything). */
const SHOWN = { sdk: 20, raw: 8, additive: 6, other: 4, breaks: 10 } as const;

const isExample = (c: Change) =>
  c.library.path.some((p) => p === 'example' || p === 'examples') && /example/.test(c.text);
const isProse = (c: Change) => ['description', 'summary'].includes(String(c.library.path.at(-1)));

/** Descriptions and examples, one line each kind: how many operations, how many lines of prose changed. */
function summarised(changes: Change[]): string[] {
  const out: string[] = [];
  const ops = (list: Change[]) => new Set(list.map((c) => c.operation || '(document)')).size;
  const prose = changes.filter(isProse);
  if (prose.length) {
    const lines = prose.reduce((n, c) => n + Number(/, (\d+) lines$/.exec(c.text)?.[1] ?? 1), 0);
    out.push(`  - descriptions and summaries changed on ${ops(prose)} operations or the document, ${lines} lines`);
  }
  const examples = changes.filter(isExample);
  if (examples.length) out.push(`  - example changes on ${ops(examples)} operations (${examples.length} examples)`);
  return out;
}

export function renderReport(r: SpecReport): string {
  const { added, removed, changed } = r.operations;
  const line = (c: Change) => `  - ${c.operation || '(document)'}: ${c.text}`;
  const counts = `${added.length} added, ${removed.length} removed, ${changed.length} changed`;
  const out = [`${r.file} <- ${r.from}: operations ${counts}`];
  const group = (title: string, lines: string[], limit: number) => {
    if (!lines.length) return;
    const more = lines.length > limit ? ` (first ${limit}; --json lists all)` : '';
    out.push(`${title}: ${lines.length}${more}`, ...lines.slice(0, limit));
  };
  const sdk = r.changes.filter((c) => c.sdkBreaking);
  const rest = r.changes.filter((c) => !c.sdkBreaking);
  group('Breaking for this SDK (what src/ uses, scripts/sdk-uses.ts)', sdk.map(line), SHOWN.sdk);
  group('Breaking for users of the raw .api client', rest.filter((c) => c.kind === 'breaking').map(line), SHOWN.raw);
  const additive = rest.filter((c) => c.kind === 'non-breaking');
  const newOps = additive.filter((c) => c.text === 'operation added');
  const opsLine = newOps.length
    ? [
        `  - ${newOps.length} operations added: ${newOps
          .slice(0, 3)
          .map((c) => c.operation)
          .join(', ')}, ...`,
      ]
    : [];
  const additiveLines = newOps.length > 3 ? opsLine : newOps.map(line);
  group('Additive', [...additiveLines, ...additive.filter((c) => !newOps.includes(c)).map(line)], SHOWN.additive);
  const info = rest.filter((c) => c.kind === 'informational');
  const other = info.filter((c) => !isProse(c) && !isExample(c));
  group('Informational', [...summarised(info), ...other.map(line)], SHOWN.other + summarised(info).length);
  if (!r.changes.length) out.push('No API change.');
  for (const m of r.overlay.renamed) {
    out.push(`Mock overlay ${r.overlay.file}: ${m.from} follows ${m.operation} to its new operationId ${m.to}`);
  }
  if (r.overlay.dropped.length) {
    const names = r.overlay.dropped.map((d) => d.entry).join(', ');
    const dropped = `${r.overlay.dropped.length} entries dropped (${clip(names, 80)}); --json says why`;
    out.push(`Mock overlay ${r.overlay.file}: ${dropped}`);
  }
  if (r.overlay.problem) {
    out.push(`Mock overlay ${r.overlay.file} needs an edit (lint:specs fails): ${clip(r.overlay.problem, 110)}`);
  }
  const bad = r.invalidExamples ?? [];
  group(
    'Upstream examples that break their own schema (the static mock answers a documented 500 there)',
    bad.map((b) => `  - ${b.operation} ${b.status} ${b.example}: ${b.violation}`),
    SHOWN.other,
  );
  renderBreaks(r, out);
  if (r.bump) out.push(`Version bump implied: ${r.bump}`);
  return out.join('\n');
}

function renderBreaks(r: SpecReport, out: string[]) {
  if (!r.check) return;
  const breaks = r.check.breaks;
  if (!breaks.length) {
    out.push(`Checked in a scratch copy: ${r.check.steps.map((s) => s.name).join('; ')}: all hold`);
    return;
  }
  const head = r.written ? 'written anyway (--accept-breaking); fix these' : 'nothing written';
  const lines = condense(breaks);
  const more = lines.length > SHOWN.breaks ? ` (first ${SHOWN.breaks}; --json lists all)` : '';
  out.push(`Breaks the scratch check found, ${head}: ${breaks.length} at ${lines.length} lines${more}`);
  let said = '';
  for (const b of lines.slice(0, SHOWN.breaks)) {
    const count = b.errors > 1 ? ` (and ${b.errors - 1} more there)` : '';
    out.push(`  ${b.at}: ${clip(b.problem, 100 - count.length)}${count}`);
    // A run of lines with one cause says it once.
    if (`${b.cause}|${b.todo}` === said) continue;
    said = `${b.cause}|${b.todo}`;
    out.push(`      cause: ${clip(b.cause, 110)}`, `      do: ${clip(b.todo, 110)}`);
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function changesetText(r: SpecReport): string {
  const title = r.spec === 'partoo' ? "Partoo's spec" : "Argyle's spec";
  const intro = `${title} refreshed by \`npm run pull\` (drafted from its report; edit before release).`;
  return `---\n"partoo-argyle-sdk": ${r.bump}\n---\n\n${intro}\n\n${renderReport(r)}\n`;
}
