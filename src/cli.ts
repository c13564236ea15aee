// The `partoo-argyle-sdk` command. `mock` starts both mock servers for partners' integration tests.
import { send, UsageError as SendUsageError } from './cli-send.js';
import { mock, MockUsageError, MOCK_USAGE } from './cli/mock.js';

const USAGE = `${MOCK_USAGE.split('\n')[0]}
       partoo-argyle-sdk send --csv <file> --business <id> [--dry-run] [--concurrency n] [--report file]
                              [--resume report] [--default-country FR] [--content "text @link"] [--base-url url]
                              [--requests-per-minute 300]
       (send reads the key from PARTOO_API_KEY, never from a flag; it exits 0 when every row was sent or
        skipped, 3 when the batch ran to its end with failed rows, 130 when interrupted, 2 on bad usage)
${MOCK_USAGE.split('\n').slice(1).join('\n')}`;

class UsageError extends Error {}

export async function main(argv: string[]) {
  const [command, ...rest] = argv;
  try {
    if (command === 'mock') return await mock(rest);
    if (command === 'send') return await send(rest);
    if (command === undefined || command === '--help' || command === 'help') return void console.log(USAGE);
    throw new UsageError(`unknown command "${command}"; the commands are: mock, send (pull and codegen run from a checkout: npm run pull, npm run codegen)`);
  } catch (e) {
    console.error(`partoo-argyle-sdk: ${(e as Error).message}`);
    process.exit(e instanceof UsageError || e instanceof SendUsageError || e instanceof MockUsageError ? 2 : 1);
  }
}
