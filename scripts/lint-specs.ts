// `npm run lint:specs`: both snapshots are valid OpenAPI, and so are they with the mock examples merged
// in (Prism serves invalid examples without complaint, so this is where a wrong example is caught). Every spec file
// also reads the same to a YAML 1.1 reader as to ours (scripts/yaml11.ts).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import YAML from 'yaml';
import { CONTROL_ENDPOINTS } from '../src/testing/control.js';
import { loadMockSpec } from '../src/testing/specs.js';
import { SPECS, SpecError, validateSpec } from './spec-tools.js';
import { yaml11Hazards } from './yaml11.js';

let failed = false;
for (const [name, target] of Object.entries(SPECS) as [keyof typeof SPECS, (typeof SPECS)[keyof typeof SPECS]][]) {
  try {
    await validateSpec(readFileSync(target.file, 'utf8'), target.file, target.requiredPaths);
    const merged = YAML.stringify(loadMockSpec(name));
    await validateSpec(merged, `${target.file} + openapi/mock overlay`, target.requiredPaths);
    console.log(`ok  ${target.file} (and its mock examples)`);
  } catch (e) {
    failed = true;
    console.error(`error: ${e instanceof SpecError ? e.message : (e as Error).message}`);
  }
  for (const file of [target.file, `openapi/mock/${basename(target.file)}`]) {
    // A pulled snapshot stays upstream's bytes: there a hazard is reported for upstream to fix, not an error.
    const upstream = file === target.file && target.upstream;
    for (const h of yaml11Hazards(readFileSync(file, 'utf8'))) {
      failed ||= !upstream;
      const as11 = h.yaml11 instanceof Date ? 'a date' : JSON.stringify(h.yaml11);
      const readings = `${JSON.stringify(h.yaml12)} reads as ${as11}`;
      console.error(`${upstream ? 'warning' : 'error'}: ${file} ${h.path}: ${readings} in YAML 1.1; quote it`);
    }
  }
}
// The mock's own control endpoints: every one the mock answers is described (src/testing/control.ts lists them).
const CONTROL_SPEC = 'openapi/mock-control.yaml';
try {
  const paths = [...new Set(CONTROL_ENDPOINTS.map((e) => e.split(' ')[1]))];
  await validateSpec(readFileSync(CONTROL_SPEC, 'utf8'), CONTROL_SPEC, paths);
  console.log(`ok  ${CONTROL_SPEC}`);
} catch (e) {
  failed = true;
  console.error(`error: ${(e as Error).message}`);
}
for (const h of yaml11Hazards(readFileSync(CONTROL_SPEC, 'utf8'))) {
  failed = true;
  console.error(`error: ${CONTROL_SPEC} ${h.path}: ${JSON.stringify(h.yaml12)} reads otherwise in YAML 1.1; quote it`);
}
process.exit(failed ? 1 : 0);
