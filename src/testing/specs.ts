import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { applyOverlay, type MockOverlay } from './overlay.js';

export type SpecName = 'partoo' | 'argyle';
const FILES: Record<SpecName, string> = { partoo: 'partoo.yaml', argyle: 'argyle-invites.yaml' };

/** The openapi/ folder: beside src/ in a checkout, beside dist/ in the published package. */
export function openapiDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'openapi', 'partoo.yaml'))) return join(dir, 'openapi');
    dir = dirname(dir);
  }
  throw new Error('partoo-argyle-sdk: cannot find its openapi/ folder; is the package installed completely?');
}

export function loadSpec(name: SpecName): Record<string, any> {
  return YAML.parse(readFileSync(join(openapiDir(), FILES[name]), 'utf8'), { maxAliasCount: -1 });
}

export function loadOverlay(name: SpecName): MockOverlay {
  return YAML.parse(readFileSync(join(openapiDir(), 'mock', FILES[name]), 'utf8')) ?? {};
}

/** The spec the mocks serve: the upstream snapshot with the mock examples merged in. */
export function loadMockSpec(name: SpecName): Record<string, any> {
  return applyOverlay(loadSpec(name), loadOverlay(name));
}
