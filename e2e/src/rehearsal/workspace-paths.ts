import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from e2e/src/rehearsal (tests) or e2e/dist/rehearsal (built). */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The built cmdlet host: the rehearsal runs the real binary, as an administrator would. */
export const PCMIG_BIN = path.join(REPOSITORY_ROOT, 'packages/cmdlets/dist/bin/pcmig.js');
