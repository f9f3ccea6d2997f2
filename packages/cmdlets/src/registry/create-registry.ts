import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import type { AnyCommandDefinition } from '../definition/command-definition.js';
import { getCommandCmdlet } from './get-command-cmdlet.js';
import { getHelpCmdlet } from './get-help-cmdlet.js';
import type { CommandRegistry } from './command-registry.js';

/** A registry of the given cmdlets and commands plus the host's Get-Help and Get-Command (which describe this registry). */
export function createRegistry(input: { cmdlets: readonly AnyCmdletDefinition[]; commands: readonly AnyCommandDefinition[] }): CommandRegistry {
  const names = new Set<string>();
  for (const name of [...input.cmdlets.map((c) => c.name.toLowerCase()), ...input.commands.map((c) => c.name)]) {
    if (names.has(name)) throw new Error(`${name} is registered twice`);
    names.add(name);
  }
  const cmdlets: AnyCmdletDefinition[] = [];
  const registry: CommandRegistry = { cmdlets, commands: input.commands };
  cmdlets.push(getHelpCmdlet(registry), getCommandCmdlet(registry), ...[...input.cmdlets].sort(byName));
  return registry;
}

/** Ordinal order: localeCompare would load ICU's collator, a noticeable part of the start-up. */
function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
