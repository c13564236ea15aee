import { inspect } from 'node:util';

/** Every way an error reaches a log: message, stack, String, JSON, inspect, and the whole cause chain. */
export function serializations(error: unknown): string[] {
  const out: string[] = [];
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    out.push(
      String(e),
      e.message ?? '',
      e.stack ?? '',
      JSON.stringify(e) ?? '',
      inspect(e, { depth: Infinity, showHidden: true }),
    );
  }
  return out;
}

/** The secrets found in any serialization of the error (an empty list is the pass). */
export function leakedSecrets(error: unknown, secrets: string[]): string[] {
  const texts = serializations(error);
  return secrets.filter((s) => texts.some((t) => t.includes(s)));
}
