// Runs once, before any test file, in jest's own process: starts the mocks and hands their URLs and keys to the
// test workers through the environment (workers start after this and inherit it).
const { startMockServers } = require('partoo-argyle-sdk/testing');

module.exports = async () => {
  const mock = await startMockServers({ stateful: true });
  process.env.MOCKS = JSON.stringify(mock.connection);
  // globalTeardown runs in this same process and sees this global.
  globalThis.partooArgyleMocks = mock;
};
