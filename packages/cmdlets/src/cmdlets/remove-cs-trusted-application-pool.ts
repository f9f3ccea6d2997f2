import { defineCmdlet } from '../definition/define-cmdlet.js';
import { DEPLOYMENT } from './deployment-parameter.js';
import { removalForce, removedIdentity } from './identity-parameters.js';

export const removeCsTrustedApplicationPool = defineCmdlet({
  name: 'Remove-CsTrustedApplicationPool',
  synopsis: 'Removes a trusted application pool, with its applications, from the deployment\'s topology (decommissioning, step 12).',
  description:
    'Removes a trusted application pool and, as Lync Server does, every application of it, and records the removal in the topology\'s history. A pool without a Registrar cannot be removed, as in Lync (PCMIG-TOPO-008). Refused while the legacy Group Chat pool it runs is active (PCMIG-TOPO-004, PCMIG-TOPO-005). Pools piped from Get-CsTrustedApplicationPool bind by their Identity.',
  confirmImpact: 'High',
  shouldProcess: { action: 'Remove the trusted application pool with its applications', target: '{Identity}', whatIf: 'engine' },
  parameters: {
    Identity: removedIdentity('The pool: its FQDN, or TrustedApplicationPool:<FQDN>.'),
    Force: removalForce('the pool'),
    Deployment: DEPLOYMENT,
  },
  examples: [
    {
      code: 'Remove-CsTrustedApplicationPool -Identity atl-gc-001.litwareinc.com -Deployment litwareinc -WhatIf',
      remarks: 'Shows the applications and the pool that would be removed; removes nothing.',
      noOutput: true,
    },
    {
      code: 'Get-CsTrustedApplicationPool -Deployment litwareinc | Where-Object {$_.PoolFqdn -match "atl-gc"} | Remove-CsTrustedApplicationPool -Deployment litwareinc -Force',
      remarks: 'Removes every trusted application pool whose FQDN contains atl-gc, with its applications, without asking.',
      noOutput: true,
    },
  ],
  inputs: 'System.String: the -Identity of a pool, by value or by property name (the objects of Get-CsTrustedApplicationPool).',
  notes: 'ConfirmImpact is High (-Force or -Confirm:$false to go on without a question). The cmdlet writes nothing, as Microsoft\'s.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/remove-cstrustedapplicationpool',
  async run(values, context) {
    const { runRemoveTrustedApplicationPool } = await import('../engines/run-trusted-application-cmdlets.js');
    await runRemoveTrustedApplicationPool(values, context);
  },
});
