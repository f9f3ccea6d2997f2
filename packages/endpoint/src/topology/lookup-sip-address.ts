import { isLegacyFlavour } from '@pcmig/core';
import type { DeploymentDefinition, PoolDefinition } from '../deployment/deployment-schema.js';

/** By convention the Lookup Server account is ocschat@<domain> (legacy-group-chat.md §5). */
export const CONVENTIONAL_LOOKUP_USER = 'ocschat';

/**
 * The SIP URI a legacy pool's Lookup service uses: the one deployment.json names, else the
 * ocschat@ convention in the first SIP domain. Null for Persistent Chat pools (no Lookup service).
 */
export function lookupSipAddressOf(pool: PoolDefinition, definition: Pick<DeploymentDefinition, 'sipDomains'>): { address: string; source: 'topology' | 'convention' } | null {
  if (!isLegacyFlavour(pool.kind)) return null;
  if (pool.lookupSipAddress !== undefined) return { address: pool.lookupSipAddress, source: 'topology' };
  return { address: `sip:${CONVENTIONAL_LOOKUP_USER}@${definition.sipDomains[0]}`, source: 'convention' };
}
