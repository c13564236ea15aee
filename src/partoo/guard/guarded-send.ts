// The guard's public types under the module name they were first imported from; they live in types.ts and the
// pipeline in pipeline.ts.
export type { GuardCheck, GuardOptions, SendResult, SkippedResult } from './types.js';
