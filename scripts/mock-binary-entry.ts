// The entry `npm run build:mock-binary` compiles into dist-bin/partoo-argyle-mock: the `mock` command's flags
// alone, in one executable that needs no Node. Static mode is refused there with the line that runs it, as
// Prism runs as Node child processes the binary cannot start.
import { BINARY_NO_STATIC, mock, MOCK_EXIT, MockUsageError } from '../src/cli/mock.js';

const args = process.argv.slice(2);
try {
  if (args[0] === '--version' || args[0] === '-v') {
    console.log(process.env.PARTOO_ARGYLE_MOCK_VERSION ?? 'unknown');
  } else {
    await mock(args, { name: 'partoo-argyle-mock', noStatic: BINARY_NO_STATIC });
  }
} catch (e) {
  const code = (e as { code?: unknown }).code;
  const usage = e instanceof MockUsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
  console.error(`partoo-argyle-mock: ${(e as Error).message}`);
  process.exit(usage ? MOCK_EXIT.usage : MOCK_EXIT.cannotRun);
}
