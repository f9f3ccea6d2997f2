import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import type { AnyCommandDefinition } from '../definition/command-definition.js';

/** Everything the host can run: cmdlets (with the host's Get-Help and Get-Command) and non-cmdlet commands. */
export interface CommandRegistry {
  readonly cmdlets: readonly AnyCmdletDefinition[];
  readonly commands: readonly AnyCommandDefinition[];
}

export function findCmdlet(registry: CommandRegistry, name: string): AnyCmdletDefinition | undefined {
  const key = name.toLowerCase();
  return registry.cmdlets.find((c) => c.name.toLowerCase() === key);
}

export function findCommand(registry: CommandRegistry, name: string): AnyCommandDefinition | undefined {
  const key = name.toLowerCase();
  return registry.commands.find((c) => c.name === key);
}

/** Every name the host knows (for suggestions). */
export function knownNames(registry: CommandRegistry): string[] {
  return [...registry.cmdlets.map((c) => c.name), ...registry.commands.map((c) => c.name)];
}

/** The cmdlets that go into the PowerShell module (PowerShell has its own Get-Help and Get-Command). */
export function moduleCmdlets(registry: CommandRegistry): AnyCmdletDefinition[] {
  return registry.cmdlets.filter((c) => !c.hostOnly);
}
