// What the stateful mocks take, in a file of its own: the namespaces and the engine both read it, and neither
// should import the other's entry for a type.
import type { ArgyleMockOptions } from './argyle.js';
import type { FaultOptions } from './faults.js';
import type { PartooMockOptions } from './partoo.js';

/** What the stateful mocks take: credentials, Partoo's status timings and 10-day rule, Argyle's seeds, faults. */
export interface StatefulMockOptions extends Partial<PartooMockOptions>, Partial<ArgyleMockOptions>, FaultOptions {}
