// Values a YAML 1.1 reader (PyYAML, js-yaml's defaults, Dredd) reads differently from the YAML 1.2 reader we use:
// an unquoted `2019-06-06 11:57:27.274725+00:00` becomes a timestamp without its microseconds, `0701020304` an
// octal number, `yes`/`off` booleans. Our specs are read by partners' tools too, so such a value must be quoted.
import YAML from 'yaml';

/** JSON-pointer-like paths of the values whose reading differs between YAML 1.1 and 1.2, with both readings. */
export function yaml11Hazards(text: string): { path: string; yaml12: unknown; yaml11: unknown }[] {
  const v12 = YAML.parse(text, { maxAliasCount: -1 });
  // yaml's 1.1 schema reads timestamps as Dates, sexagesimal and 0-prefixed numbers, and yes/no/on/off.
  const v11 = YAML.parse(text, { version: '1.1', maxAliasCount: -1 });
  const found: { path: string; yaml12: unknown; yaml11: unknown }[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (a && typeof a === 'object' && b && typeof b === 'object' && !(b instanceof Date)) {
      for (const key of Object.keys(a)) walk((a as any)[key], (b as any)[key], `${path}/${key}`);
      return;
    }
    if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) found.push({ path: path || '/', yaml12: a, yaml11: b });
  };
  walk(v12, v11, '');
  return found;
}
