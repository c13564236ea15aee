// msw for the ./msw entry, as ESM imports it: `http` from msw's own module for it (msw 2: msw/core/http, msw 3:
// msw/http), which is about half a second lighter than msw's index, where GraphQL comes in too; msw's index when
// neither is there. The CommonJS build swaps this file for load-msw-commonjs.ts (scripts/msw-commonjs-plugin.ts).
import type { http as Http } from 'msw';

type Msw = { http: typeof Http };
// Specifiers in variables: each exists in one major only, so neither is resolved ahead (nor typed against msw 2).
const [msw2, msw3] = ['msw/core/http', 'msw/http'];

export const { http } = await (import(msw2) as Promise<Msw>)
  .catch(() => import(msw3) as Promise<Msw>)
  .catch(() => import('msw'));
