// The 2021 Partoo spec made valid (test/fixtures/partoo-2021.yaml) with today's Review Booster spliced in: the
// pull's fixture test pulls it, the static mock's test serves it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ROOT } from './scratch-project.js';

const FIXTURE = 'test/fixtures/partoo-2021.yaml';

/** The 2021 spec with today's Review Booster paths, the schemas they name and the servers the wrapper targets. */
export function spliced(): string {
  const old = YAML.parse(readFileSync(join(ROOT, FIXTURE), 'utf8'), { maxAliasCount: -1 });
  const now = YAML.parse(readFileSync(join(ROOT, 'openapi/partoo.yaml'), 'utf8'));
  for (const path of Object.keys(old.paths)) if (path.startsWith('/review_booster/')) delete old.paths[path];
  Object.assign(old.paths, now.paths);
  for (const [kind, entries] of Object.entries<Record<string, unknown>>(now.components ?? {})) {
    old.components[kind] = { ...old.components[kind], ...entries };
  }
  old.servers = now.servers;
  return YAML.stringify(old, { aliasDuplicateObjects: false });
}
