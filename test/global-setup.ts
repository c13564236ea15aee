// One Prism per spec for the whole run, on free ports, stopped at the end even when tests fail.
import type { TestProject } from 'vitest/node';
import { startPrism, type PrismServer } from '../src/testing/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismPartooUrl: string;
    prismArgyleUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started: PrismServer[] = [];
  const teardown = async () => {
    await Promise.all(started.map((s) => s.close()));
  };
  const results = await Promise.allSettled([startPrism('partoo'), startPrism('argyle')]);
  for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  project.provide('prismPartooUrl', started[0].url);
  project.provide('prismArgyleUrl', started[1].url);
  return teardown;
}
