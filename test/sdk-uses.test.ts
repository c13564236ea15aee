// scripts/sdk-uses.ts lists the wire fields the wrapper sends or reads; `pull` calls a change to one of them
// breaking for the SDK. This keeps the list from drifting: against the committed specs (every entry exists) and
// against the wrapper's source (every entry is used there, and every field of those operations used there is listed).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { SDK_USES } from '../scripts/sdk-uses.js';
import { SPECS } from '../scripts/spec-tools.js';

const ROOT = resolve(import.meta.dirname, '..');
// The hand-written client code: what both APIs share and each API's own folder (the guard included).
const HAND_WRITTEN = ['src/core', 'src/partoo', 'src/argyle'].map((dir) => join(ROOT, dir));
const source = HAND_WRITTEN.flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)),
)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
/** A name used as a wire property: read (`.x`, `?.x`) or written (`x:` as an object key). */
const usedInWrapper = (name: string) => new RegExp(`(\\?\\.|\\.)${name}\\b|\\b${name}:`).test(source);

type Obj = Record<string, any>;

function deref(doc: Obj, node: any, depth = 0): any {
  if (!node?.$ref || depth > 20) return node;
  const parts = String(node.$ref)
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return deref(
    doc,
    parts.reduce((n: any, p) => n?.[p], doc),
    depth + 1,
  );
}

/** Every field path of a schema, `[]` stepping into array items, allOf/oneOf/anyOf branches merged. */
function fieldsOf(doc: Obj, schema: any, prefix: string, out: Set<string>, depth = 0) {
  const s = deref(doc, schema);
  if (!s || depth > 8) return out;
  const branches = [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  for (const branch of branches) fieldsOf(doc, branch, prefix, out, depth + 1);
  for (const [name, sub] of Object.entries<any>(s.properties ?? {})) {
    out.add(`${prefix}${name}`);
    fieldsOf(doc, sub, `${prefix}${name}.`, out, depth + 1);
  }
  if (s.items) fieldsOf(doc, s.items, `${prefix.replace(/\.$/, '')}[].`, out, depth + 1);
  return out;
}

/** The fields an operation offers, in sdk-uses.ts notation: query./path. parameters, body., response. (2xx). */
function operationFields(doc: Obj, operation: string): Set<string> {
  const [method, path] = operation.split(' ');
  const item = doc.paths?.[path];
  const op = item?.[method.toLowerCase()];
  expect(op, `${operation} is in the spec`).toBeTruthy();
  const out = new Set<string>();
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));
  for (const p of params) out.add(`${p.in}.${p.name}`);
  fieldsOf(doc, deref(doc, op.requestBody)?.content?.['application/json']?.schema, 'body.', out);
  for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
    const schema = deref(doc, response)?.content?.['application/json']?.schema;
    if (/^2\d\d$/.test(status)) fieldsOf(doc, schema, 'response.', out);
  }
  return out;
}

const leaf = (field: string) => field.slice(field.search(/[^.[\]]+$/));

describe.each(Object.entries(SDK_USES))('scripts/sdk-uses.ts, %s', (name, uses) => {
  const file = join(ROOT, SPECS[name as keyof typeof SPECS].file);
  const doc = YAML.parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
  const offered = new Map(Object.keys(uses.operations).map((op) => [op, operationFields(doc, op)]));

  it('names only fields the committed spec has', () => {
    const missing = Object.entries(uses.operations).flatMap(([op, fields]) =>
      fields.filter((f) => !offered.get(op)!.has(f)).map((f) => `${op} ${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only fields the wrapper uses', () => {
    const unused = [...new Set(Object.values(uses.operations).flat().map(leaf))].filter((n) => !usedInWrapper(n));
    expect(unused).toEqual([]);
  });

  it('names every field of these operations that the wrapper uses', () => {
    const listed = new Set(Object.values(uses.operations).flat().map(leaf));
    const unlisted = [...offered].flatMap(([op, fields]) =>
      [...fields].filter((f) => usedInWrapper(leaf(f)) && !listed.has(leaf(f))).map((f) => `${op} ${f}`),
    );
    expect(unlisted).toEqual([]);
  });

  it("lists the spec's servers that the wrapper's environments point at", () => {
    const config = readFileSync(join(ROOT, 'src/core/config.ts'), 'utf8');
    const urls = (doc.servers ?? []).map((s: { url: string }) => s.url);
    expect(uses.servers.filter((u) => !config.includes(`'${u}'`) || !urls.includes(u))).toEqual([]);
    expect(urls.filter((u: string) => config.includes(`'${u}'`))).toEqual(uses.servers);
  });
});
