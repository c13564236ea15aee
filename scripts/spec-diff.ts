// The field-level change report behind `npm run pull`. api-smart-diff does the comparison ($refs resolved, every
// change classified breaking / non-breaking / annotation); this file only places each change on an operation and a
// field, corrects the few classifications that are wrong for a typed client, pairs remove+add into a rename, and
// marks what touches the fields the wrapper uses (scripts/sdk-uses.ts).
import { apiCompare, type Diff } from 'api-smart-diff';
import { type SdkUses, touchesSdk } from './sdk-uses.js';

export type Kind = 'breaking' | 'non-breaking' | 'informational';

export interface Change {
  kind: Kind;
  /** "METHOD /path", a bare path for path-level parameters, or "" for the document (servers, security, openapi) */
  operation: string;
  /** query | path | header | cookie | body | response <status> | an operation key (operationId, security) | "" */
  section: string;
  /** dotted field inside the section; `[]` steps into array items */
  field: string;
  text: string;
  /** the wrapper field this change touches, when it does */
  sdkField?: string;
  /** breaking for the SDK: it touches a wrapper field and is breaking, a removal or a rename */
  sdkBreaking: boolean;
  /** the library's own verdict and wording, kept for --json readers */
  library: { type: string; action: string; path: (string | number)[]; description?: string };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const PARAM_SECTIONS = new Set(['query', 'path', 'header', 'cookie']);
type Doc = Record<string, any>;

export function diffSpecs(before: Doc, after: Doc, uses: SdkUses): Change[] {
  const { diffs } = apiCompare(before, after);
  const changes = diffs.filter((d) => !duplicateOfOperations(d)).map((d) => place(d, before, after, uses));
  return pairRenames(changes).sort(
    (a, b) =>
      a.operation.localeCompare(b.operation) || a.section.localeCompare(b.section) || a.field.localeCompare(b.field),
  );
}

/** api-smart-diff resolves $refs, so a schema change already shows under every operation using it; its second
 *  copy under components/ has no operation and no wording. Security schemes are never inlined: keep those. */
function duplicateOfOperations(d: Diff): boolean {
  return d.path[0] === 'components' && d.path[1] !== 'securitySchemes';
}

function place(d: Diff, before: Doc, after: Doc, uses: SdkUses): Change {
  const path = d.path.map((p) => (typeof p === 'number' ? p : String(p)));
  let operation = '';
  let section = '';
  let field = '';
  if (path[0] === 'paths' && path.length > 1) {
    const url = String(path[1]);
    const isOp = path.length > 2 && METHODS.has(String(path[2]));
    operation = isOp ? `${String(path[2]).toUpperCase()} ${url}` : url;
    const rest = path.slice(isOp ? 3 : 2);
    if (rest[0] === 'parameters' && typeof rest[1] === 'number') {
      const at = ['paths', url, ...(isOp ? [path[2]] : []), 'parameters', rest[1]];
      const param = (d.after ?? d.before)?.name ? (d.after ?? d.before) : (lookup(after, at) ?? lookup(before, at));
      section = String(param?.in ?? 'parameter');
      field = [String(param?.name ?? `#${rest[1]}`), ...fieldPath(rest.slice(2), d)].filter(Boolean).join('.');
    } else if (rest[0] === 'requestBody') {
      section = 'body';
      field = fieldPath(rest.slice(1), d).join('.');
    } else if (rest[0] === 'responses' && rest.length > 1) {
      section = `response ${rest[1]}`;
      field = fieldPath(rest.slice(2), d).join('.');
    } else if (rest.length > 0) {
      section = String(rest[0]);
    }
  } else {
    section = path.map(String).join('.');
  }
  field = field.replace(/\.\[\]/g, '[]');
  const kind = classify(d, section);
  // Descriptions and examples (informational) never change what the wrapper sends or reads.
  let sdkField: string | undefined;
  if (section === 'operationId') sdkField = namedOperationId(uses, operation, d);
  else if (kind !== 'informational') sdkField = sdkTouch(uses, d, kind, operation, section, field);
  const change: Change = {
    kind,
    operation,
    section,
    field,
    text: describe(d, section, field),
    ...(sdkField && { sdkField }),
    // A compatible removal is still the SDK's problem: the wrapper would keep sending or reading the field.
    sdkBreaking:
      !!sdkField &&
      (section === 'operationId' || kind === 'breaking' || d.action === 'remove' || d.action === 'rename'),
    library: { type: d.type, action: d.action, path: d.path, ...(d.description && { description: d.description }) },
  };
  originals.set(change, { before: d.before, after: d.after });
  return change;
}

/** Schema path -> field names: `properties/x` names a field, `items` steps into an array, `required/<i>` names the
 *  field whose required-ness changed; allOf/oneOf/anyOf branches and media types are transparent. */
function fieldPath(rest: (string | number)[], d: Diff): string[] {
  const names: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i];
    if (p === 'properties' && i + 1 < rest.length) names.push(String(rest[++i]));
    else if (p === 'items') names.push('[]');
    else if (p === 'required' && typeof rest[i + 1] === 'number') {
      names.push(String(d.after ?? d.before));
      i++;
    }
  }
  return names;
}

/** Where api-smart-diff's verdict is wrong for a typed SDK, with the reason; everything else is its own. */
function classify(d: Diff, section: string): Kind {
  const last = d.path[d.path.length - 1];
  const inProperties = d.path[d.path.length - 2] === 'properties';
  // It calls a removed response property non-breaking (the smaller schema still validates the old answers), but a
  // client reading that field gets nothing, and its generated type loses the field.
  if (section.startsWith('response') && d.action === 'remove' && inProperties) return 'breaking';
  // Likewise for a removed request field or parameter: typed callers passing it stop compiling, and the server may
  // ignore or refuse it.
  if (
    d.action === 'remove' &&
    ((section === 'body' && inProperties) ||
      (PARAM_SECTIONS.has(section) && d.path[d.path.length - 2] === 'parameters'))
  )
    return 'breaking';
  // It calls some type changes non-breaking (string -> integer in a response); any client parsing the value breaks.
  if (
    last === 'type' &&
    d.action === 'replace' &&
    (section.startsWith('response') || section === 'body' || PARAM_SECTIONS.has(section))
  )
    return 'breaking';
  // Servers are annotations to it; a client whose base URL is a removed or changed server can no longer reach it.
  if (d.path[0] === 'servers') return d.action === 'add' && d.path.length === 2 ? 'non-breaking' : 'breaking';
  if (d.type === 'breaking') return 'breaking';
  if (d.type === 'non-breaking') return 'non-breaking';
  // annotation, deprecated, unclassified: descriptions, examples, the `openapi` version, operationIds.
  return 'informational';
}

/** An operationId that hand-written code names, removed or renamed: its lookups and routes stop matching. */
function namedOperationId(uses: SdkUses, operation: string, d: Diff): string | undefined {
  const named = uses.operationIds[operation];
  if (!named || d.action === 'add' || d.before !== named) return undefined;
  return `${operation} operationId ${named}`;
}

function sdkTouch(uses: SdkUses, d: Diff, kind: Kind, operation: string, section: string, field: string) {
  if (d.path[0] === 'servers') {
    const gone = [d.before?.url ?? d.before].filter((u) => typeof u === 'string' && uses.servers.includes(u));
    return kind === 'breaking' && gone.length ? `server ${gone[0]}` : undefined;
  }
  // Every wrapper call authenticates: a breaking change to the scheme or the document's requirement is the SDK's.
  if (d.path[0] === 'security' || (d.path[0] === 'components' && d.path[1] === 'securitySchemes')) {
    return kind === 'breaking' ? 'authentication' : undefined;
  }
  if (!operation) return undefined;
  // A path-level change (a bare path) concerns every method the wrapper calls on that path.
  const ops = operation.includes(' ')
    ? [operation]
    : Object.keys(uses.operations).filter((o) => o.endsWith(` ${operation}`));
  for (const op of ops) {
    const hit = touchesSdk(uses, op, section, field);
    if (hit) return `${op} ${hit}`;
  }
  return undefined;
}

/** Text too long for a report line: summarised by its size, --json keeps the library's own record. */
const long = (v: unknown) => typeof v === 'string' && (v.length > 80 || v.includes('\n'));

const ACTION_WORD: Partial<Record<string, string>> = { add: 'added', remove: 'removed' };

function describe(d: Diff, section: string, field: string): string {
  const where = [section, field].filter(Boolean).join(' ');
  const last = d.path[d.path.length - 1];
  const value = (v: unknown) => {
    if (typeof v === 'object' && v !== null) return '(object)';
    return long(v) ? `(${String(v).length} characters)` : JSON.stringify(v);
  };
  if (d.path[0] === 'paths' && d.path.length === 3 && METHODS.has(String(d.path[2]))) {
    return `operation ${ACTION_WORD[d.action] ?? 'changed'}`;
  }
  if (last === 'operationId' && d.action !== 'replace') {
    return `operationId ${value(d.after ?? d.before)} ${ACTION_WORD[d.action] ?? 'changed'}`;
  }
  // An example is data about the API, not the API: never worded as the field or body it sits in going away.
  const example = d.path.findIndex((p) => p === 'example' || p === 'examples');
  if (example >= 0 && !(d.path[example - 1] === 'properties')) {
    return `${where ? `${where} ` : ''}example change (${ACTION_WORD[d.action] ?? 'changed'})`;
  }
  if (last === 'deprecated') {
    const now = d.action !== 'remove' && d.after === true;
    return `${where || String(d.path.at(-2))} ${now ? 'now deprecated' : 'no longer deprecated'}`;
  }
  if ((last === 'description' || last === 'summary') && (long(d.before) || long(d.after))) {
    const lines = (v: unknown) => (typeof v === 'string' ? v.split('\n').length : 0);
    const what = `${last} ${ACTION_WORD[d.action] ?? 'changed'}`;
    return `${where ? `${where} ` : ''}${what}, ${lines(d.after ?? d.before)} lines`;
  }
  if (d.path.includes('enum')) {
    const what = ACTION_WORD[d.action] ?? `replaced ${value(d.before)} -> ${value(d.after)}`;
    return `${where}: enum value ${value(d.after ?? d.before)} ${what}`;
  }
  if (d.path[d.path.length - 2] === 'required' || last === 'required') {
    const now = d.action !== 'remove' && (last !== 'required' || d.after === true);
    return `${where} ${now ? 'now required' : 'no longer required'}`;
  }
  if (d.action === 'add') return `${where || last} added${typeof d.after !== 'object' ? `: ${value(d.after)}` : ''}`;
  if (d.action === 'remove') return `${where || last} removed`;
  const key = typeof last === 'string' && !where.endsWith(last) ? ` ${last}` : '';
  return `${where}${key}: ${value(d.before)} -> ${value(d.after)}`;
}

/** A property removed and one added beside it with the same schema reads as a rename (`sent_time` -> `sent-time`). */
function pairRenames(changes: Change[]): Change[] {
  const out = [...changes];
  const parent = (c: Change) => `${c.operation}|${c.section}|${c.field.replace(/(\[\])?\.?[^.[\]]+$/, '')}`;
  const isProperty = (c: Change) => c.library.path[c.library.path.length - 2] === 'properties';
  for (const removed of changes.filter((c) => c.library.action === 'remove' && isProperty(c))) {
    const added = out.find(
      (c) => c.library.action === 'add' && isProperty(c) && parent(c) === parent(removed) && sameSchema(c, removed),
    );
    if (!added) continue;
    out.splice(out.indexOf(added), 1);
    const name = added.field.slice(added.field.lastIndexOf('.') + 1).replace(/^.*\[\]/, '');
    removed.text = `${[removed.section, removed.field].join(' ')} renamed to ${name}`;
    removed.sdkBreaking ||= added.sdkBreaking;
    const description = `${removed.library.description}; ${added.library.description}`;
    removed.library = { ...removed.library, description };
  }
  return out;
}

// The values compared, kept off the Change objects so --json stays small.
const originals = new WeakMap<Change, { before?: unknown; after?: unknown }>();
function sameSchema(added: Change, removed: Change): boolean {
  const a = originals.get(added)?.after;
  const r = originals.get(removed)?.before;
  return a !== undefined && JSON.stringify(a) === JSON.stringify(r);
}

function lookup(doc: Doc, at: (string | number)[]): any {
  let node: any = doc;
  for (const p of at) node = node?.[p];
  if (node?.$ref && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    return lookup(
      doc,
      node.$ref
        .slice(2)
        .split('/')
        .map((s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~')),
    );
  }
  return node;
}
