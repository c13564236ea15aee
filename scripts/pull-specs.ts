// `npm run pull [-- --from <file|url>] [--spec partoo|argyle] [--json] [--accept-breaking]`: refresh a committed
// snapshot and say, field by field, what changed. The snapshot is only replaced by a document that parses, validates
// as OpenAPI 3.x, still has the paths we build on, and passes the end-to-end check in a scratch copy
// (scripts/pull-check.ts: generate, type-check, lint the overlay, the wrapper against the candidate's mock); it is
// written byte for byte as upstream sent it, with the types and mock validators generated from it. The mock overlay
// is adjusted rather than allowed to block (scripts/overlay-sync.ts); a changeset is drafted from the report.
// Nothing is written before everything was computed, and then each file goes through a temp file and a rename.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { applyOverlay } from '../src/testing/overlay.js';
import { syncOverlay } from './overlay-sync.js';
import { checkCandidate } from './pull-check.js';
import { SDK_USES } from './sdk-uses.js';
import { diffSpecs } from './spec-diff.js';
import { invalidExamples } from './spec-examples.js';
import { EXIT, type SpecReport, changesetText, renderReport, verdict } from './spec-report.js';
import {
  type OpenApiDoc,
  SPECS,
  SpecError,
  diffOperations,
  firstLine,
  operationsOf,
  validateSpec,
} from './spec-tools.js';

export const PARTOO_SPEC_URL = 'https://developers.partoo.co/assets/openapi/openapi-bundled.yaml';
const FETCH_TIMEOUT_MS = 30_000;

async function readSource(from: string): Promise<string> {
  if (!/^https?:\/\//i.test(from)) {
    if (!existsSync(from)) throw new SpecError(`${from}: no such file`);
    return readFileSync(from, 'utf8');
  }
  let res: Response;
  try {
    res = await fetch(from, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new SpecError(`cannot reach ${from} (${cause}); offline? Use --from <file> with a downloaded copy`);
  }
  if (!res.ok) throw new SpecError(`${from}: HTTP ${res.status} ${res.statusText}`);
  return res.text();
}

const readYaml = (file: string) => YAML.parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as OpenApiDoc;

/** A name no earlier pull of the same day took: a second refresh must not overwrite the first one's note. */
function changesetPath(root: string, spec: 'partoo' | 'argyle'): string {
  const stem = `.changeset/spec-${spec === 'partoo' ? '' : `${spec}-`}${new Date().toISOString().slice(0, 10)}`;
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${stem}.md` : `${stem}-${n}.md`;
    if (!existsSync(join(root, path))) return path;
  }
}

export interface PullOptions {
  /** write the snapshot even when the scratch check finds breaks (a major changeset lists them) */
  acceptBreaking?: boolean;
  /** run the end-to-end check in a scratch copy before writing (default true; tests of the report alone skip it) */
  check?: boolean;
}

/** The overlay line a lint finding points at: the named example's key, else the file's first line. */
function overlayLine(text: string, message: string): number {
  const name = /\/examples\/([^/\s)]+)\//.exec(message)?.[1];
  const at = name ? text.split('\n').findIndex((l) => l.trimStart().startsWith(`${name}:`)) : -1;
  return at + 1 || 1;
}

/** `root` is the project folder (the working directory under npm); `from` is read as given. */
export async function pull(
  spec: 'partoo' | 'argyle',
  from: string,
  root = '.',
  options: PullOptions = {},
): Promise<SpecReport> {
  const target = SPECS[spec];
  const snapshot = join(root, target.file);
  const source = await readSource(from);
  const doc = await validateSpec(source, from, target.requiredPaths);
  const before = existsSync(snapshot) ? readYaml(snapshot) : undefined;

  const overlayFile = `openapi/mock/${basename(target.file)}`;
  const overlayText = existsSync(join(root, overlayFile)) ? readFileSync(join(root, overlayFile), 'utf8') : '';
  const overlay = syncOverlay(overlayText, before, doc);
  let merged: OpenApiDoc;
  try {
    // What the mock will do with the new pair; syncOverlay should have removed every reason for this to fail.
    merged = applyOverlay(doc, YAML.parse(overlay.text ?? overlayText) ?? {});
  } catch (e) {
    throw new SpecError(`${from}: the mock overlay ${overlayFile} cannot be fitted to it (${(e as Error).message})`);
  }
  // Examples that no longer match their schema (a field's type changed) make lint:specs fail: the check reports it
  // as a break at the example's line.
  let overlayProblem: string | undefined;
  try {
    await validateSpec(YAML.stringify(merged), `${target.file} + ${overlayFile}`, target.requiredPaths);
  } catch (e) {
    overlayProblem = e instanceof SpecError ? e.message : firstLine((e as Error).message);
  }

  const operations = diffOperations(before ? operationsOf(before) : new Map(), operationsOf(doc));
  const changes = before ? diffSpecs(before, doc, SDK_USES[spec]) : [];
  const report: SpecReport = {
    spec,
    file: target.file,
    from,
    operations,
    changes,
    overlay: {
      file: overlayFile,
      renamed: overlay.renamed,
      dropped: overlay.dropped,
      ...(overlayProblem && { problem: overlayProblem }),
    },
    invalidExamples: invalidExamples(doc),
    ...verdict(changes, operations.added),
  };

  const writes: [string, string][] = [];
  if (!existsSync(snapshot) || readFileSync(snapshot, 'utf8') !== source) writes.push([target.file, source]);
  if (overlay.text !== undefined) writes.push([overlayFile, overlay.text]);
  if (writes.length && options.check !== false) {
    const newOverlay = overlay.text ?? overlayText;
    const result = await checkCandidate({
      root,
      files: Object.fromEntries(writes),
      changes,
      ...(overlayProblem && {
        overlayProblem: { at: `${overlayFile}:${overlayLine(newOverlay, overlayProblem)}`, message: overlayProblem },
      }),
    });
    report.check = { breaks: result.breaks, steps: result.steps };
    if (result.breaks.length) {
      report.exitCode = EXIT.breaks;
      if (!options.acceptBreaking) {
        report.written = false;
        return report;
      }
      report.bump = 'major';
    }
    // The pull lands whole: the types and the mock's validators generated from the snapshot it writes.
    for (const [file, text] of Object.entries(result.generated)) {
      if (!existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== text) writes.push([file, text]);
    }
  }
  report.written = writes.length > 0;
  if (report.bump) {
    report.changeset = changesetPath(root, spec);
    mkdirSync(join(root, '.changeset'), { recursive: true });
    writes.push([report.changeset, changesetText(report)]);
  }
  const temps = writes.map(([relative, text]) => {
    const file = join(root, relative);
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    return [tmp, file] as const;
  });
  for (const [tmp, file] of temps) renameSync(tmp, file);
  return report;
}

async function main() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      spec: { type: 'string', default: 'partoo' },
      json: { type: 'boolean' },
      'accept-breaking': { type: 'boolean' },
    },
  });
  const spec = values.spec as 'partoo' | 'argyle';
  try {
    if (spec !== 'partoo' && spec !== 'argyle') throw new SpecError(`--spec must be partoo or argyle, not "${spec}"`);
    // Argyle publishes no machine-readable spec: its snapshot is hand-written and only refreshed from a file.
    const from = values.from ?? (spec === 'partoo' ? PARTOO_SPEC_URL : undefined);
    if (!from) throw new SpecError('argyle has no upstream spec URL; pass --from <file>');
    const report = await pull(spec, from, '.', { acceptBreaking: values['accept-breaking'] });
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(renderReport(report));
      if (report.changeset) console.log(`Drafted ${report.changeset}; edit it before the release.`);
      if (report.written === false) {
        console.log(`${SPECS[spec].file} left untouched; fix the lines above, or pull with --accept-breaking`);
      } else if (report.written)
        console.log('next: npm test (the scratch check ran the send, skip, status and search)');
    }
    process.exitCode = report.exitCode;
  } catch (e) {
    const message = e instanceof SpecError ? e.message : firstLine((e as Error).message);
    console.error(`pull: ${message}; ${SPECS[spec]?.file ?? 'snapshot'} left untouched`);
    process.exitCode = EXIT.refused;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
