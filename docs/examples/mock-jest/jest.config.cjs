// jest, CommonJS as it is by default: one pair of stateful mocks for the whole run.
module.exports = {
  globalSetup: './global-setup.cjs',
  globalTeardown: './global-teardown.cjs',
  // The files share one mock and its clock: one at a time, so a reset() in one never lands inside another.
  maxWorkers: 1,
};
