import type { AnyCommandDefinition } from '../definition/command-definition.js';
import { powershellModuleCommand } from './powershell-module.js';

/** The non-cmdlet commands (lower-case, GNU-style options), one definition file each. */
export const COMMANDS: readonly AnyCommandDefinition[] = [powershellModuleCommand];
