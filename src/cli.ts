// The `partoo-argyle-sdk` command (the entry tsup builds and bin/ loads): `mock` starts both mock servers for
// partners' integration tests, `send` sends a CSV's invitations. Exit statuses: see EXIT in src/cli/errors.ts.
// Each command's module is imported when it runs: `send` never loads the mock servers, nor does `--version`.
import { asUsageError, EXIT, UsageError } from './cli/errors.js';

async function usage(): Promise<string> {
  const { MOCK_USAGE } = await import('./cli/mock.js');
  const { SEND_USAGE } = await import('./cli/send-options.js');
  return `Usage: partoo-argyle-sdk mock [options]            mock servers (partoo-argyle-sdk mock --help)
       partoo-argyle-sdk send --csv <file> --business <id> [options]   (partoo-argyle-sdk send --help)
       partoo-argyle-sdk send --resume <report>
       partoo-argyle-sdk --version

send reads the key from PARTOO_API_KEY, never from a flag. Exit status: 0 clean, 1 could not run (no key, an
unreadable file), 2 bad usage (nothing sent), 3 the batch ran to its end with failed rows, 130 interrupted.

${MOCK_USAGE}

${SEND_USAGE}`;
}

/** Whether the error is bad usage (exit 2); the mock module is only asked when it is the one running. */
async function isUsage(e: unknown, command: string | undefined): Promise<boolean> {
  if (e instanceof UsageError) return true;
  return command === 'mock' && e instanceof (await import('./cli/mock.js')).MockUsageError;
}

export async function main(argv: string[]) {
  const [command, ...rest] = argv;
  try {
    if (command === 'mock') return await (await import('./cli/mock.js')).mock(rest);
    if (command === 'send') return await (await import('./cli/send.js')).send(rest);
    if (command === '--version' || command === '-v') {
      return void console.log((await import('./cli/version.js')).packageVersion());
    }
    if (command === undefined || ['--help', '-h', 'help'].includes(command)) return void console.log(await usage());
    throw new UsageError(
      `unknown command "${command}"; the commands are: mock, send, --version (pull and codegen ` +
        'run from a checkout: npm run pull, npm run codegen)',
    );
  } catch (caught) {
    const e = asUsageError(caught);
    console.error(`partoo-argyle-sdk: ${(e as Error).message}`);
    process.exit((await isUsage(e, command)) ? EXIT.usage : EXIT.cannotRun);
  }
}
