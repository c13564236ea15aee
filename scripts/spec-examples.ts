// The examples a spec gives (request and response bodies, named or single) checked against their own schemas.
// Redocly's lint accepts some that break them (a literal "yyyy-mm-dd" where a date pattern is asked, a null where the
// schema says string); Prism serves those as though they were valid, or fails on them with an opaque 500. The pull
// reports each with its first violation, so that a maintainer sees it before a partner's test does.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Obj = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface InvalidExample {
  /** "METHOD /path" */
  operation: string;
  /** "request" or the response status */
  status: string;
  /** the example's name, or "example" for a single one */
  example: string;
  /** the first violation: where in the example, and the rule */
  violation: string;
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function resolve(doc: Obj, node: any): any {
  for (let i = 0; node?.$ref && i < 20; i++) {
    const ref = String(node.$ref);
    if (!ref.startsWith('#/')) return undefined;
    node = ref
      .slice(2)
      .split('/')
      .reduce((n: any, p) => n?.[p.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}

/** Each JSON media type with examples: its schema's pointer in the document and the examples by name. */
function* mediaExamples(doc: Obj): Generator<{
  operation: string;
  status: string;
  schema: string;
  examples: [string, unknown][];
}> {
  for (const [path, item] of Object.entries<Obj>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const base = `#/paths/${escape(path)}/${method}`;
      const places: [string, string, any][] = [['request', `${base}/requestBody`, op.requestBody]];
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        places.push([status, `${base}/responses/${escape(status)}`, response]);
      }
      for (const [status, at, raw] of places) {
        const target = raw?.$ref ? `#${String(raw.$ref).slice(1)}` : at;
        const media = resolve(doc, raw)?.content?.['application/json'];
        if (!media?.schema) continue;
        const examples: [string, unknown][] = [];
        if (media.example !== undefined) examples.push(['example', media.example]);
        for (const [name, ex] of Object.entries<any>(media.examples ?? {})) {
          const value = resolve(doc, ex)?.value;
          if (value !== undefined) examples.push([name, value]);
        }
        {
          const schema = `${target}/content/${escape('application/json')}/schema`;
          yield { operation: `${method.toUpperCase()} ${path}`, status, schema, examples };
        }
      }
    }
  }
}

const SUBSCHEMAS = ['items', 'additionalProperties', 'not'];
const BRANCHES = ['allOf', 'oneOf', 'anyOf'];

/** Every schema node under `pointer` that carries its own `example` (what Prism composes a body from), with the
 *  pointer of the node itself after $refs: each is checked once, however many operations reach it. */
function* schemaExamples(doc: Obj, pointer: string, seen: Set<string>): Generator<[string, unknown]> {
  let node = resolve(doc, { $ref: pointer });
  while (node?.$ref && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    pointer = node.$ref;
    node = resolve(doc, { $ref: pointer });
  }
  if (!node || typeof node !== 'object' || seen.has(pointer)) return;
  seen.add(pointer);
  if (node.example !== undefined) yield [pointer, node.example];
  for (const [name, sub] of Object.entries<any>(node.properties ?? {})) {
    if (sub && typeof sub === 'object') yield* schemaExamples(doc, `${pointer}/properties/${escape(name)}`, seen);
  }
  for (const key of SUBSCHEMAS)
    if (node[key] && typeof node[key] === 'object') {
      yield* schemaExamples(doc, `${pointer}/${key}`, seen);
    }
  for (const key of BRANCHES) {
    for (let i = 0; i < (node[key]?.length ?? 0); i++) yield* schemaExamples(doc, `${pointer}/${key}/${i}`, seen);
  }
}

/** ajv's first violation of `value` against the schema at `pointer`, or undefined when it holds (or cannot be
 *  compiled: that is the lint's to report). */
function violation(ajv: InstanceType<typeof Ajv.default>, pointer: string, value: unknown): string | undefined {
  let validate;
  try {
    validate = ajv.getSchema(`spec${pointer}`);
  } catch {
    return undefined;
  }
  if (!validate || validate(value)) return undefined;
  const e = validate.errors?.[0];
  return `${e?.instancePath || '(the value)'} ${e?.message ?? 'does not match'}`;
}

export function invalidExamples(doc: Obj): InvalidExample[] {
  const ajv = new Ajv.default({ strict: false, allErrors: false, validateSchema: false, logger: false });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'spec');
  const found: InvalidExample[] = [];
  const checked = new Map<string, string | undefined>();
  for (const { operation, status, schema, examples } of mediaExamples(doc)) {
    let first: InvalidExample | undefined;
    for (const [example, value] of examples) {
      const v = violation(ajv, schema, value);
      if (v) found.push({ operation, status, example, violation: v });
      if (v) first = found.at(-1);
    }
    if (first) continue;
    // No example of its own that breaks it: then what Prism composes from the schema's nested examples.
    for (const [at, value] of schemaExamples(doc, schema, new Set())) {
      if (!checked.has(at)) checked.set(at, violation(ajv, at, value));
      const v = checked.get(at);
      if (!v) continue;
      const field =
        at
          .slice(schema.length)
          .replace(/\/properties\//g, '.')
          .replace(/\/items/g, '[]') || '(body)';
      const shown = JSON.stringify(value);
      const brief = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
      found.push({ operation, status, example: `schema example at ${field}`, violation: `${brief}: ${v}` });
      break;
    }
  }
  return found;
}
