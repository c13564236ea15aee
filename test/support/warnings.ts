// A logger that keeps what the SDK warns of, each line as one string, so a test can assert on the warnings (and
// their absence) without reading the console.
export function warningLogger() {
  const warnings: string[] = [];
  const note = (...parts: unknown[]) =>
    warnings.push(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
  return { warnings, logger: { warn: note, error: note, info: () => {}, debug: () => {} } };
}
