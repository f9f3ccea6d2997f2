import { CMDLETS } from '../cmdlets/all-cmdlets.js';
import { COMMANDS } from '../commands/all-commands.js';
import { createRegistry } from './create-registry.js';

/** What `pcmig` runs: every registered cmdlet and command. */
export const defaultRegistry = createRegistry({ cmdlets: CMDLETS, commands: COMMANDS });
