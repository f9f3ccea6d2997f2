import type { ParameterSpec } from '../definition/parameter-spec.js';

/**
 * -Deployment, shared by the cmdlets that work on the directory and the topology. pcmig does not
 * run on a Lync server, so it is told where the deployment is described: a folder holding
 * deployment.json (docs/deployment.md), or $PCMIG_DEPLOYMENT.
 */
export const DEPLOYMENT = {
  type: 'String',
  notNullOrEmpty: true,
  extension: true,
  description:
    'The deployment folder: its deployment.json names the pools, the directory (embedded, or Active Directory over LDAP) and the topology. Default: the folder in the PCMIG_DEPLOYMENT environment variable. A relative path is taken from the current location.',
} as const satisfies ParameterSpec;
