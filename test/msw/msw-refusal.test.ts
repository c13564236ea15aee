// The words a CommonJS require of ./msw fails with, per cause: each names the fix, and keeps what msw said.
import { describe, expect, it } from 'vitest';
import { mswRefusal } from '../../src/msw/msw-refusal.js';

const error = (message: string, code?: string, name = 'Error') =>
  Object.assign(new Error(message), { code, name }) as Error;

describe('mswRefusal', () => {
  it('jest CommonJS (an ESM-only dependency met as CommonJS): use jest ESM, or startMockServers', () => {
    const cause = error('Cannot use import statement outside a module\n  at rettime', undefined, 'SyntaxError');
    const e = mswRefusal(cause);
    expect(e.message).toMatch(/^partoo-argyle-sdk\/msw: msw 2 does not load in jest CommonJS mode/);
    expect(e.message).toContain('NODE_OPTIONS=--experimental-vm-modules');
    expect(e.message).toContain('startMockServers from partoo-argyle-sdk/testing');
    expect(e.message).toContain('(msw said: SyntaxError: Cannot use import statement outside a module)');
    expect(e.cause).toBe(cause);
  });

  it('msw not installed: the install line', () => {
    const e = mswRefusal(error("Cannot find module 'msw'\nRequire stack: ...", 'MODULE_NOT_FOUND'));
    expect(e.message).toMatch(/needs msw: npm install --save-dev msw@2/);
    expect(e.message).not.toContain('Require stack');
  });

  it('another module missing is not taken for msw', () => {
    expect(mswRefusal(error("Cannot find module 'rettime'", 'MODULE_NOT_FOUND')).message).toContain('jest ESM');
  });

  it('a Node that cannot require() ESM: the Node version', () => {
    expect(mswRefusal(error('require() of ES Module', 'ERR_REQUIRE_ESM')).message).toContain('Node 20.19 or later');
  });
});
