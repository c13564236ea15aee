// The `partoo-argyle-sdk` command (the entry tsup builds and bin/ loads): `mock` starts both mock servers for
// partners' integration tests, `send` sends a CSV's invitations. Exit statuses: see EXIT in src/cli/errors.ts.
import { asUsageError, EXIT, UsageError } from './cli/errors.js';
import { mock, MockUsageError, MOCK_USAGE } from './cli/mock.js';
import { send } from './cli/send.js';
import { SEND_USAGE } from './cli/send-options.js';
import { packageVersion } from './cli/version.js';

const USAGE = `Usage: partoo-argyle-sdk mock [options]            mock servers (partoo-argyle-sdk mock --help)
       partoo-argyle-sdk send --csv <file> --business <id> [options]   (partoo-argyle-sdk send --help)
       partoo-argyle-sdk send --resume <report>
       partoo-argyle-sdk --version

send reads the key from PARTOO_API_KEY, never from a flag. Exit status: 0 clean, 1 could not run (no key, an
unreadable file), 2 bad usage (nothing sent), 3 the batch ran to its end with failed rows, 130 interrupted.

${MOCK_USAGE}

${SEND_USAGE}`;

export async function main(argv: string[]) {
  const [command, ...rest] = argv;
  try {
    if (command === 'mock') return await mock(rest);
    if (command === 'send') return await send(rest);
    if (command === '--version' || command === '-v') return void console.log(packageVersion());
    if (command === undefined || ['--help', '-h', 'help'].includes(command)) return void console.log(USAGE);
    throw new UsageError(`unknown command "${command}"; the commands are: mock, send, --version (pull and codegen ` +
      'run from a checkout: npm run pull, npm run codegen)');
  } catch (caught) {
    const e = asUsageError(caught);
    console.error(`partoo-argyle-sdk: ${(e as Error).message}`);
    process.exit(e instanceof UsageError || e instanceof MockUsageError ? EXIT.usage : EXIT.cannotRun);
  }
}
