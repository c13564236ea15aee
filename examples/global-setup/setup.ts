// globalSetup: one pair of mocks for the whole run, started before any worker and stopped after the last.
import type { TestProject } from 'vitest/node';
import { startMockServers, type MockConnection } from 'partoo-argyle-sdk/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    mocks: MockConnection;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServers({ stateful: true });
  project.provide('mocks', mock.connection);
  return () => mock.close();
}
