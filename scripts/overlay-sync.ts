// Keeps openapi/mock/*.yaml applicable to a newly pulled spec, so an overlay never blocks a refresh. An entry whose
// operationId is gone but whose operation stayed (same method and path) follows the new operationId; an entry whose
// operation, status or JSON content is gone is removed and reported as dropped (git keeps it for when it returns).
// The file is edited as text at the ranges the YAML parser gives, so every byte not removed or renamed (comments,
// flow style, spacing) stays as it was written.
import YAML, { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';

type Doc = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface OverlaySync {
  /** the new overlay file, or undefined when nothing in it had to change */
  text: string | undefined;
  renamed: { from: string; to: string; operation: string }[];
  dropped: { entry: string; reason: string }[];
}

function operations(doc: Doc | undefined) {
  const byId = new Map<string, { at: string; op: Doc }>();
  const byAt = new Map<string, Doc>();
  for (const [path, item] of Object.entries<Doc>(doc?.paths ?? {})) {
    for (const m of METHODS) {
      const op = item?.[m];
      if (!op) continue;
      const at = `${m.toUpperCase()} ${path}`;
      byAt.set(at, op);
      if (typeof op.operationId === 'string') byId.set(op.operationId, { at, op });
    }
  }
  return { byId, byAt };
}

export function syncOverlay(overlayText: string, before: Doc | undefined, after: Doc): OverlaySync {
  const file = YAML.parseDocument(overlayText);
  const result: OverlaySync = { text: undefined, renamed: [], dropped: [] };
  const examples = file.get('examples');
  if (!isMap(examples)) return result;
  const old = operations(before);
  const now = operations(after);
  // Statuses the overlay itself adds to every operation (429, and 401 where upstream omits it) count as documented:
  // the mock merges them before it attaches the examples.
  const added = (file.toJS()?.addResponses ?? {}) as Record<string, unknown>;
  const edits: { from: number; to: number; text: string }[] = [];
  // A map entry spans from the start of its key's line to the end of its value's last line.
  const cut = (pair: Pair<unknown, unknown>) => {
    const from = overlayText.lastIndexOf('\n', (pair.key as Node).range![0]) + 1;
    let to = (pair.value as Node).range![2];
    if (overlayText[to - 1] !== '\n') to = overlayText.indexOf('\n', to) + 1 || overlayText.length;
    edits.push({ from, to, text: '' });
  };
  for (const pair of [...(examples as YAMLMap).items] as Pair<unknown, unknown>[]) {
    const id = String(isScalar(pair.key) ? pair.key.value : pair.key);
    let op = now.byId.get(id)?.op;
    if (!op) {
      const at = old.byId.get(id)?.at;
      const moved = at ? now.byAt.get(at) : undefined;
      const reason = whyDropped(at, moved, examples as YAMLMap);
      if (reason) {
        cut(pair);
        result.dropped.push({ entry: id, reason });
        continue;
      }
      const key = pair.key as Node;
      edits.push({ from: key.range![0], to: key.range![1], text: moved!.operationId });
      result.renamed.push({ from: id, to: moved!.operationId, operation: at! });
      op = moved;
    }
    const statuses = pair.value;
    if (!isMap(statuses)) continue;
    const gone = (statuses.items as Pair<unknown, unknown>[]).filter((s) => {
      const status = String(isScalar(s.key) ? s.key.value : s.key);
      const response = resolve(after, op!.responses?.[status] ?? added[status]);
      const reason = whyStatusDropped(response);
      if (reason) result.dropped.push({ entry: `${op!.operationId} ${status}`, reason });
      return reason !== undefined;
    });
    // An entry left without statuses goes whole (a rename of its key included).
    if (gone.length === statuses.items.length && gone.length > 0) {
      if (edits.at(-1)?.from === (pair.key as Node).range![0]) edits.pop();
      cut(pair);
    } else gone.forEach(cut);
  }
  if (!edits.length) return result;
  let text = overlayText;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  result.text = text;
  return result;
}

/** Why an entry whose operationId is gone cannot follow its operation (undefined: it follows to `moved`). */
function whyDropped(at: string | undefined, moved: Doc | undefined, examples: YAMLMap): string | undefined {
  if (!at) return 'no operation has this operationId, in the old spec or the new';
  if (!moved) return `operation ${at} is gone`;
  if (typeof moved.operationId !== 'string')
    return `${at} has no operationId in the new spec (entries are keyed by it)`;
  if (examples.has(moved.operationId)) return `${at} is now ${moved.operationId}, which has its own entry`;
  return undefined;
}

/** Why a status entry no longer applies (undefined: the response is still there with JSON content). */
function whyStatusDropped(response: Doc | undefined): string | undefined {
  if (!response) return 'the spec no longer documents this status';
  if (!response.content?.['application/json']) return 'this response has no application/json content any more';
  return undefined;
}

function resolve(doc: Doc, node: any): any {
  for (let i = 0; node?.$ref && i < 10; i++) {
    if (typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return undefined;
    const parts = node.$ref
      .slice(2)
      .split('/')
      .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    node = parts.reduce((n: any, p: string) => n?.[p], doc);
  }
  return node;
}
