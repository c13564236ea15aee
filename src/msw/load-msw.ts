// msw for the ./msw entry, as ESM imports it. The CommonJS build swaps this file for load-msw-commonjs.ts
// (scripts/msw-commonjs-plugin.ts): a static import there would fail before anything could say why.
export { http } from 'msw';
