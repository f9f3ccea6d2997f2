import type { ParameterSpec } from '../definition/parameter-spec.js';

/**
 * -Identity and -Force as the cmdlets that take one named object share them, only their texts
 * differing: one shape per use, so that the cmdlets of one kind bind alike.
 */

/** -Identity of a Remove- cmdlet: required, first, from the pipeline (objects piped from the Get- cmdlet bind by their Identity). */
export function removedIdentity(description: string) {
  return {
    type: 'String',
    mandatory: true,
    position: 0,
    notNullOrEmpty: true,
    valueFromPipeline: true,
    valueFromPipelineByPropertyName: true,
    description,
  } as const satisfies ParameterSpec;
}

/** -Force of a Remove- cmdlet: no confirmation asked. */
export function removalForce(what: string) {
  return { type: 'SwitchParameter', description: `Removes ${what} without asking for confirmation.` } as const satisfies ParameterSpec;
}

/** -Identity of a Get- cmdlet of the database, in a parameter set of its own (without it, every object is returned). */
export function lookedUpIdentity(what: string) {
  return {
    type: 'String',
    sets: ['Identity'],
    mandatory: ['Identity'],
    position: 0,
    notNullOrEmpty: true,
    valueFromPipelineByPropertyName: true,
    description: `The ${what} to return: <Name> or <PersistentChatPoolFqdn>\\<Name>.`,
  } as const satisfies ParameterSpec;
}
