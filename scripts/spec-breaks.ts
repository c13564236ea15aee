// A break the pull's check found (a type error, a failed lint, a failed walk through the wrapper) put beside the spec
// change that explains it and what a maintainer does about it. The change is found by the names the error and the
// broken line mention: an operationId the change took away, or the field a change removed, renamed or retyped.
import type { Change } from './spec-diff.js';

export interface Break {
  /** file:line, relative to the project */
  at: string;
  /** what failed there, one line */
  problem: string;
  /** the spec change behind it, as the report words it ("METHOD /path: text"), or what is known */
  cause: string;
  /** what to do */
  todo: string;
}

const where = (c: Change) => `${c.operation || '(document)'}: ${c.text}`;
const leaf = (field: string) => field.slice(field.search(/[^.[\]]+$/));
const words = (text: string) => new Set(text.match(/[A-Za-z_$][\w$-]*/g) ?? []);

/** The operationId a change took away (removed or renamed), if it is such a change. */
export function lostOperationId(c: Change): string | undefined {
  if (c.section !== 'operationId') return undefined;
  return /^operationId:? "([^"]+)"/.exec(c.text)?.[1];
}

function todoFor(c: Change): string {
  const [method, path] = c.operation.split(' ');
  const id = lostOperationId(c);
  if (id) return `name it by path and method, paths['${path}']['${method?.toLowerCase()}'], not by ${id}`;
  const name = leaf(c.field);
  const renamed = / renamed to (\S+)$/.exec(c.text)?.[1];
  if (renamed) return `use ${renamed} where this line uses ${name}`;
  if (/removed$/.test(c.text)) {
    return c.section === 'body' || /^(query|path|header)$/.test(c.section)
      ? `stop sending ${name}, or keep the SDK on the current snapshot until upstream restores it`
      : `stop reading ${name}, or keep the SDK on the current snapshot until upstream restores it`;
  }
  if (/enum value/.test(c.text)) return `handle the enum's new value in the wrapper's union for ${name}`;
  return `follow the new shape of ${name || c.operation} in the regenerated types`;
}

export function explain(at: string, problem: string, lineText: string, changes: Change[]): Break {
  const said = words(`${problem} ${lineText}`);
  const candidates = [...changes].sort((a, b) => Number(b.sdkBreaking) - Number(a.sdkBreaking));
  const byId = candidates.find((c) => {
    const id = lostOperationId(c);
    return id !== undefined && said.has(id);
  });
  const byField = candidates.find(
    (c) => c.kind !== 'informational' && c.field !== '' && said.has(leaf(c.field)) && leaf(c.field) !== '[]',
  );
  const change = byId ?? byField;
  if (change) return { at, problem, cause: where(change), todo: todoFor(change) };
  if (at.startsWith('openapi/mock/')) {
    return {
      at,
      problem,
      cause: 'an example of the mock overlay no longer fits the schema upstream changed',
      todo: `edit the example at ${at} to fit the new schema (npm run lint:specs checks it)`,
    };
  }
  const sdk = changes.filter((c) => c.sdkBreaking);
  return {
    at,
    problem,
    cause: sdk.length
      ? 'one of the SDK-breaking changes above (the line names none of them)'
      : 'no spec change names it: the generated types or the mock built from the candidate differ',
    todo: 'fix this line against the regenerated types',
  };
}

/** One break a line (a line's several errors counted), and a break the line alone does not explain given the cause
 *  of the nearest explained break above it in the same file: the usual case is a type that an earlier line lost. */
export function condense(breaks: Break[]): (Break & { errors: number })[] {
  const out: (Break & { errors: number })[] = [];
  for (const b of breaks) {
    const same = out.find((o) => o.at === b.at);
    if (same) same.errors++;
    else out.push({ ...b, errors: 1 });
  }
  const file = (at: string) => at.slice(0, at.lastIndexOf(':'));
  const line = (at: string) => Number(at.slice(at.lastIndexOf(':') + 1));
  for (const b of out) {
    if (!b.cause.startsWith('one of the SDK-breaking')) continue;
    const above = out
      .filter((o) => file(o.at) === file(b.at) && line(o.at) < line(b.at) && !o.cause.startsWith('one of the'))
      .at(-1);
    if (above) Object.assign(b, { cause: `probably ${above.cause.replace(/^probably /, '')}`, todo: above.todo });
  }
  return out;
}
