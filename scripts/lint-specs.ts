// `npm run lint:specs`: both snapshots are valid OpenAPI, and so are they with the mock examples merged
// in (Prism serves invalid examples without complaint, so this is where a wrong example is caught).
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { loadMockSpec } from '../src/testing/specs.js';
import { SPECS, SpecError, validateSpec } from './spec-tools.js';

let failed = false;
for (const [name, target] of Object.entries(SPECS) as [keyof typeof SPECS, (typeof SPECS)[keyof typeof SPECS]][]) {
  try {
    await validateSpec(readFileSync(target.file, 'utf8'), target.file, target.requiredPaths);
    await validateSpec(YAML.stringify(loadMockSpec(name)), `${target.file} + openapi/mock overlay`, target.requiredPaths);
    console.log(`ok  ${target.file} (and its mock examples)`);
  } catch (e) {
    failed = true;
    console.error(`error: ${e instanceof SpecError ? e.message : (e as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
