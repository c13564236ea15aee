export type Handler = (request: Request) => Promise<Response>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** `a.b` paths from the validator, grouped by their last field, the way both APIs report per-field errors. */
export function fieldErrors(problems: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const [path, ...rest] = p.split(' ');
    const field = path.split('.').filter((s) => !['body', 'query', 'path', 'header'].includes(s)).join('.') || 'request';
    (out[field] ??= []).push(rest.join(' '));
  }
  return out;
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('invalid-json');
  }
}

export const INVALID_JSON = Symbol.for('invalid-json');

export function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}
