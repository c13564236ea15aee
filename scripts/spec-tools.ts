// Shared by pull-specs, codegen and lint-specs: one definition of "a spec we accept".
import { createHash } from 'node:crypto';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import YAML from 'yaml';

export class SpecError extends Error {}

export interface SpecTarget {
  /** committed snapshot, relative to the project root */
  file: string;
  /** generated types, relative to the project root */
  output: string;
  /** paths whose absence means the upstream document is not the one we build on */
  requiredPaths: string[];
  /** written by `npm run pull` byte for byte from upstream (never edited here), not by hand */
  upstream: boolean;
}

export const SPECS: Record<'partoo' | 'argyle', SpecTarget> = {
  partoo: {
    file: 'openapi/partoo.yaml',
    output: 'src/generated/partoo.ts',
    requiredPaths: [
      '/review_booster/send_invitation',
      '/review_booster/search-invitation',
      '/review_booster/invitation_status',
    ],
    upstream: true,
  },
  argyle: {
    file: 'openapi/argyle-invites.yaml',
    output: 'src/generated/argyle.ts',
    requiredPaths: ['/v2/invites', '/v2/invites/{id}', '/v2/invites/{id}/revoke'],
    upstream: false,
  },
};

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let lintConfig: Awaited<ReturnType<typeof createConfig>> | undefined;

/** Parses and validates an OpenAPI 3.x document; throws SpecError with one readable line. */
export async function validateSpec(source: string, label: string, requiredPaths: string[] = []) {
  let doc: unknown;
  try {
    doc = YAML.parse(source, { maxAliasCount: -1 });
  } catch (e) {
    throw new SpecError(`${label}: not valid YAML (${firstLine((e as Error).message)})`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecError(`${label}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const version = (doc as Record<string, unknown>).openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    const swagger = (doc as Record<string, unknown>).swagger;
    throw new SpecError(
      swagger
        ? `${label}: Swagger ${String(swagger)} document; OpenAPI 3.0 or 3.1 is required`
        : `${label}: not an OpenAPI 3.x document (no "openapi: 3.x" field)`,
    );
  }
  lintConfig ??= await createConfig({
    rules: {
      struct: 'error',
      'no-unresolved-refs': 'error',
      'operation-operationId-unique': 'error',
      'no-invalid-media-type-examples': 'error',
      'no-invalid-parameter-examples': 'error',
    },
  });
  const problems = (await lintFromString({ source, absoluteRef: label, config: lintConfig })).filter(
    (p) => p.severity === 'error',
  );
  if (problems.length > 0) {
    const p = problems[0];
    const count = `${problems.length} error${problems.length > 1 ? 's' : ''}`;
    const at = p.location?.[0]?.pointer ?? '?';
    throw new SpecError(`${label}: invalid OpenAPI (${count}; first: ${p.message} at ${at})`);
  }
  const paths = ((doc as { paths?: Record<string, unknown> }).paths ?? {}) as Record<string, unknown>;
  const missing = requiredPaths.filter((p) => !(p in paths));
  if (missing.length) throw new SpecError(`${label}: required paths missing: ${missing.join(', ')}`);
  return doc as OpenApiDoc;
}

export interface OpenApiDoc {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** "METHOD /path" -> a fingerprint of the operation, for the added/removed/changed report. */
export function operationsOf(doc: OpenApiDoc): Map<string, string> {
  const ops = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, unknown>)[method];
      const shared = (item as Record<string, unknown>).parameters ?? null;
      if (op) ops.set(`${method.toUpperCase()} ${path}`, sha256(JSON.stringify([op, shared])));
    }
  }
  return ops;
}

export function diffOperations(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort();
  return { added, removed, changed };
}

export const firstLine = (s: string) => s.split('\n')[0].trim();
