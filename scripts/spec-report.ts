// What `npm run pull` says about a refresh: the text a maintainer reads (also the drafted changeset's body and the
// spec-sync PR's description), the JSON a tool reads, the version bump and the exit status.
import type { Change } from './spec-diff.js';
import type { OverlaySync } from './overlay-sync.js';

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
}

/** Exit statuses of `npm run pull` (documented in README "Regenerating from a new spec"). */
export const EXIT = { ok: 0, refused: 1, breakingForApiUsers: 3, breakingForSdk: 4 } as const;

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

const INFO_SHOWN = 20;

export function renderReport(r: SpecReport): string {
  const { added, removed, changed } = r.operations;
  const line = (c: Change) => `  - ${c.operation || '(document)'}: ${c.text}`;
  const counts = `${added.length} added, ${removed.length} removed, ${changed.length} changed`;
  const out = [`${r.file} <- ${r.from}: operations ${counts}`];
  const group = (title: string, list: Change[], limit = Infinity) => {
    if (!list.length) return;
    out.push(`${title}: ${list.length}${list.length > limit ? ` (first ${limit}; --json lists all)` : ''}`);
    out.push(...list.slice(0, limit).map(line));
  };
  const sdkTitle = 'Breaking for this SDK (fields the wrapper sends or reads, scripts/sdk-uses.ts)';
  group(
    sdkTitle,
    r.changes.filter((c) => c.sdkBreaking),
  );
  group(
    'Breaking for users of the raw .api client',
    r.changes.filter((c) => !c.sdkBreaking && c.kind === 'breaking'),
  );
  group(
    'Non-breaking',
    r.changes.filter((c) => !c.sdkBreaking && c.kind === 'non-breaking'),
  );
  group(
    'Informational',
    r.changes.filter((c) => !c.sdkBreaking && c.kind === 'informational'),
    INFO_SHOWN,
  );
  if (!r.changes.length) out.push('No API change.');
  for (const m of r.overlay.renamed) {
    out.push(`Mock overlay ${r.overlay.file}: ${m.from} follows ${m.operation} to its new operationId ${m.to}`);
  }
  for (const d of r.overlay.dropped) out.push(`Mock overlay ${r.overlay.file}: dropped ${d.entry} (${d.reason})`);
  if (r.overlay.problem) {
    out.push(`Mock overlay ${r.overlay.file} needs an edit (lint:specs fails): ${r.overlay.problem}`);
  }
  if (r.bump) out.push(`Version bump implied: ${r.bump}`);
  return out.join('\n');
}

export function changesetText(r: SpecReport): string {
  const title = r.spec === 'partoo' ? "Partoo's spec" : "Argyle's spec";
  const intro = `${title} refreshed by \`npm run pull\` (drafted from its report; edit before release).`;
  return `---\n"partoo-argyle-sdk": ${r.bump}\n---\n\n${intro}\n\n${renderReport(r)}\n`;
}
