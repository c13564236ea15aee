#!/usr/bin/env node
// In a checkout (src/ is there; the package ships without it) the TypeScript source runs through tsx, so a
// stale dist/ never stands in for the code under test; an installed package runs the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let cli;
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  cli = await import(new URL('../dist/cli.js', import.meta.url).href);
}
await cli.main(process.argv.slice(2));
