import { defaultRegistry } from '../registry/default-registry.js';
import { EXIT_CODES } from './exit-codes.js';
import { processIO } from './host-io.js';
import { runHost } from './run-host.js';

/**
 * The `pcmig` process: Ctrl+C asks the running command to stop (a second one ends the process),
 * a closed stdout (| head) ends quietly, and the exit code is set without cutting pending output.
 */
export async function runMain(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Created on first use: AbortController's module is not loaded for --help.
  let controller: AbortController | undefined;
  const signal = () => (controller ??= new AbortController()).signal;
  process.on('SIGINT', () => {
    if (!controller) process.exit(EXIT_CODES.interrupted);
    if (controller.signal.aborted) process.exit(EXIT_CODES.interrupted);
    controller.abort();
  });
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_CODES.success);
    throw error;
  });
  process.exitCode = await runHost(argv, processIO(), { registry: defaultRegistry, signal });
}
