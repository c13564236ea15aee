// `npx tsx scripts/build-mock-validators.ts [--check]`: the mocks' request validators, compiled ahead from the specs
// the mocks serve (openapi/*.yaml with openapi/mock/*.yaml merged) into one self-contained module. Parsing the YAML
// and loading a validator package took most of a mock's cold start; the compiled module needs neither, so MSW
// handlers answer about as fast as a bare msw handler and the mock binary carries no validator package.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { format } from 'prettier';
import { loadMockSpec, type SpecName } from '../src/testing/specs.js';

const ROOT = join(import.meta.dirname, '..');
export const OUTPUT = join(ROOT, 'src/testing/compiled/validators.ts');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
type Obj = Record<string, any>;

/** Every local `$ref` replaced by a copy of what it names (the specs have no recursive schema). */
function inline(doc: Obj, node: unknown, depth = 0): any {
  if (depth > 50) throw new Error('schema nested past 50 levels: a recursive $ref?');
  if (Array.isArray(node)) return node.map((n) => inline(doc, n, depth + 1));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Obj;
  if (typeof obj.$ref === 'string') {
    let target: any = doc;
    for (const part of obj.$ref.slice(2).split('/')) target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) throw new Error(`unresolved $ref ${obj.$ref}`);
    return inline(doc, target, depth + 1);
  }
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) if (k !== 'example' && k !== 'examples') out[k] = inline(doc, v, depth + 1);
  return out;
}

interface Route {
  operationId: string;
  method: string;
  path: string;
  /** query parameters sent comma-separated (style form, explode false) */
  csv: string[];
}

/** The operations the stateful mock implements: validators for the rest of an upstream spec (82 operations in
 *  Partoo's full one) would only grow the mock's cold start, and one of their patterns may not even compile. */
const SERVED: Record<SpecName, (path: string) => boolean> = {
  partoo: (path) => path.startsWith('/review_booster/'),
  argyle: () => true,
};

/** The routes, and per operation the parameter schema (strings from the URL, coerced) and the body schema. */
function describe(name: SpecName) {
  const spec = loadMockSpec(name);
  const routes: Route[] = [];
  const params: Record<string, Obj> = {};
  const bodies: Record<string, Obj> = {};
  for (const [path, item] of Object.entries<Obj>(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op?.operationId || !SERVED[name](path)) continue;
      const all = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => inline(spec, p));
      const group = (where: string) => {
        const list = all.filter((p) => p.in === where);
        const properties = Object.fromEntries(list.map((p) => [p.name, p.schema ?? {}]));
        return { type: 'object', properties, required: list.filter((p) => p.required).map((p) => p.name) };
      };
      const csv = all.filter((p) => p.in === 'query' && p.schema?.type === 'array' && p.explode === false);
      routes.push({ operationId: op.operationId, method: method.toUpperCase(), path, csv: csv.map((p) => p.name) });
      params[op.operationId] = { type: 'object', properties: { path: group('path'), query: group('query') } };
      const body = op.requestBody ? inline(spec, op.requestBody) : undefined;
      const schema = body?.content?.['application/json']?.schema;
      bodies[op.operationId] = schema
        ? { type: 'object', properties: { body: schema }, required: body.required ? ['body'] : [] }
        : { type: 'object' };
    }
  }
  return { routes, params, bodies };
}

/** ajv's standalone code for a set of schemas, one exported function each. */
function compile(schemas: Record<string, Obj>, coerce: boolean): string {
  const ajv = new Ajv2020.default({
    strict: false,
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    code: { source: true, esm: true, lines: false },
  });
  addFormats.default(ajv);
  const ids: Record<string, string> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    ajv.addSchema(schema, id);
    ids[id] = id;
  }
  return standaloneCode.default(ajv, ids);
}

export async function generate(): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/mock-validators');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256');
  const exports: string[] = [];
  try {
    for (const name of ['partoo', 'argyle'] as const) {
      const { routes, params, bodies } = describe(name);
      hash.update(JSON.stringify([routes, params, bodies]));
      writeFileSync(join(dir, `${name}-params.mjs`), compile(params, true));
      writeFileSync(join(dir, `${name}-bodies.mjs`), compile(bodies, false));
      exports.push(
        `import * as ${name}Params from './${name}-params.mjs';`,
        `import * as ${name}Bodies from './${name}-bodies.mjs';`,
        `export const ${name} = { routes: ${JSON.stringify(routes)}, params: ${name}Params, bodies: ${name}Bodies };`,
      );
    }
    writeFileSync(join(dir, 'entry.mjs'), exports.join('\n'));
    const out = await build({
      entryPoints: [join(dir, 'entry.mjs')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      legalComments: 'none',
      logLevel: 'error',
    });
    const header = [
      '/* eslint-disable */',
      '// @ts-nocheck',
      `// Written by scripts/build-mock-validators.ts from the mock specs (sha256 ${hash.digest('hex').slice(0, 16)});`,
      '// never edit by hand. Regenerate: npx tsx scripts/build-mock-validators.ts',
    ].join('\n');
    return format(`${header}\n${out.outputFiles[0].text}`, {
      parser: 'typescript',
      singleQuote: true,
      printWidth: 120,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(args: string[]) {
  const text = await generate();
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${OUTPUT} is stale: run npx tsx scripts/build-mock-validators.ts`);
      process.exitCode = 1;
    } else console.log('mock validators are current');
    return;
  }
  mkdirSync(join(OUTPUT, '..'), { recursive: true });
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${OUTPUT} (${text.length} bytes)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
