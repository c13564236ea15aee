// `npm run pull [-- --from <file|url>] [--spec partoo|argyle]`: refresh a committed snapshot.
// The snapshot is only replaced by a document that parses, validates as OpenAPI 3.x, still has the
// paths we build on, and still takes the mock overlay; the write is atomic (temp file + rename).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { applyOverlay } from '../src/testing/overlay.js';
import { loadOverlay } from '../src/testing/specs.js';
import { SPECS, SpecError, diffOperations, firstLine, operationsOf, validateSpec } from './spec-tools.js';

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

export async function pull(spec: 'partoo' | 'argyle', from: string) {
  const target = SPECS[spec];
  const source = await readSource(from);
  const doc = await validateSpec(source, from, target.requiredPaths);
  try {
    applyOverlay(doc, loadOverlay(spec));
  } catch (e) {
    throw new SpecError(`${from}: the mock overlay openapi/mock no longer applies (${(e as Error).message})`);
  }
  const before = existsSync(target.file) ? operationsOf(YAML.parse(readFileSync(target.file, 'utf8'), { maxAliasCount: -1 })) : new Map();
  const diff = diffOperations(before, operationsOf(doc));
  const tmp = `${target.file}.tmp-${process.pid}`;
  writeFileSync(tmp, source);
  renameSync(tmp, target.file);
  return diff;
}

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, spec: { type: 'string', default: 'partoo' } } });
  const spec = values.spec as 'partoo' | 'argyle';
  try {
    if (spec !== 'partoo' && spec !== 'argyle') throw new SpecError(`--spec must be partoo or argyle, not "${spec}"`);
    // Argyle publishes no machine-readable spec: its snapshot is hand-written and only refreshed from a file.
    const from = values.from ?? (spec === 'partoo' ? PARTOO_SPEC_URL : undefined);
    if (!from) throw new SpecError('argyle has no upstream spec URL; pass --from <file>');
    const { added, removed, changed } = await pull(spec, from);
    console.log(`updated ${SPECS[spec].file} from ${from}`);
    for (const [label, list] of [['added', added], ['removed', removed], ['changed', changed]] as const) {
      console.log(`${label}: ${list.length}${list.length ? `\n  ${list.join('\n  ')}` : ''}`);
    }
    console.log('next: npm run codegen, then review the diff of src/generated/');
  } catch (e) {
    console.error(`pull: ${e instanceof SpecError ? e.message : firstLine((e as Error).message)}; ${SPECS[spec]?.file ?? 'snapshot'} left untouched`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
