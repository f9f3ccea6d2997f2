import type { ParameterSpec } from '../definition/parameter-spec.js';

/** -PoolFqdn of Stop-/Start-CsPersistentChatPoolService (binds from Get-CsPersistentChatPool objects by property name). */
export const POOL_FQDN = {
  type: 'String',
  mandatory: true,
  notNullOrEmpty: true,
  valueFromPipelineByPropertyName: true,
  description: 'The FQDN of the pool (legacy Group Chat or Persistent Chat) whose services\' state is recorded.',
} as const satisfies ParameterSpec;

export const POOL_PASS_THRU = {
  type: 'SwitchParameter',
  description: 'Writes the pool, with its recorded state, to the pipeline (by default the cmdlet writes nothing).',
} as const satisfies ParameterSpec;
