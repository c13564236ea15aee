// Mock examples live beside the specs (openapi/mock/*.yaml), not inside them, so a `pull` of the
// upstream snapshot never loses them. They are merged here, in memory, whenever a mock starts.

export interface MockOverlay {
  /** responses added to every operation that does not document that status (e.g. 429, which upstream omits) */
  addResponses?: Record<string, unknown>;
  /** operationId -> status -> example name -> { summary?, value } ; the first name is Prism's default */
  examples?: Record<string, Record<string, Record<string, { summary?: string; value: unknown }>>>;
}

type Obj = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export class OverlayError extends Error {}

export function applyOverlay<T extends Obj>(spec: T, overlay: MockOverlay): T {
  const doc: Obj = structuredClone(spec);
  const byId = operationsById(doc);
  for (const op of byId.values()) {
    op.responses ??= {};
    for (const [status, response] of Object.entries(overlay.addResponses ?? {})) {
      op.responses[status] ??= structuredClone(response);
    }
  }
  for (const [operationId, statuses] of Object.entries(overlay.examples ?? {})) {
    const op = byId.get(operationId);
    if (!op) throw new OverlayError(`mock overlay names operation "${operationId}", which the spec no longer has`);
    for (const [status, examples] of Object.entries(statuses)) attachExamples(doc, op, operationId, status, examples);
  }
  return doc as T;
}

function operationsById(doc: Obj): Map<string, Obj> {
  const byId = new Map<string, Obj>();
  for (const item of Object.values<Obj>(doc.paths ?? {})) {
    for (const m of METHODS) if (item[m]?.operationId) byId.set(item[m].operationId, item[m]);
  }
  return byId;
}

/** The overlay's examples go first (the first is Prism's default); a `$ref`'d response is copied in place first. */
function attachExamples(doc: Obj, op: Obj, operationId: string, status: string, examples: Record<string, unknown>) {
  let response = op.responses[status];
  if (!response) {
    throw new OverlayError(
      `mock overlay gives examples for ${operationId} ${status}, which the spec does not document`,
    );
  }
  if (response.$ref) response = op.responses[status] = structuredClone(resolveRef(doc, response.$ref));
  const media = response.content?.['application/json'];
  if (!media) throw new OverlayError(`${operationId} ${status} has no application/json content to attach examples to`);
  delete media.example;
  media.examples = { ...examples, ...(media.examples ?? {}) };
}

function resolveRef(doc: Obj, ref: string): Obj {
  if (!ref.startsWith('#/')) throw new OverlayError(`cannot resolve external $ref ${ref}`);
  let node: any = doc;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (!node) throw new OverlayError(`unresolved $ref ${ref}`);
  return node;
}
