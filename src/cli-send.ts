// The send command lives in src/cli/send.ts; bench/index.ts still imports it from here.
export { send } from './cli/send.js';
export { UsageError, EXIT } from './cli/errors.js';
