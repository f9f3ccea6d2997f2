import { defineErrorCatalog } from '@pcmig/core';

/** Errors of the topology store (pools, services, trusted applications). Documented in docs/errors/topology.md. */
export const topologyErrors = defineErrorCatalog('TOPO', {
  'PCMIG-TOPO-001': {
    category: 'ObjectNotFound',
    title: 'The pool is not in the topology.',
    hint: 'Get-CsPersistentChatPool lists the pools of the deployment (pools in deployment.json).',
  },
  'PCMIG-TOPO-002': {
    category: 'InvalidArgument',
    title: 'The pool is not a Persistent Chat pool.',
    hint: 'Persistent Chat endpoints point at a Lync Server 2013 Persistent Chat pool (kind pc2013), never at a legacy Group Chat pool.',
  },
  'PCMIG-TOPO-003': {
    category: 'InvalidArgument',
    title: 'The pool is not a legacy Group Chat pool.',
    hint: 'Name the OCS 2007 R2 or Lync Server 2010 Group Chat pool (kind ocs2007r2 or lync2010).',
  },
  'PCMIG-TOPO-004': {
    category: 'ResourceBusy',
    title: 'The legacy Group Chat pool\'s services are running.',
    hint: 'Stop the Group Chat services first (Stop-CsPersistentChatPoolService -PoolFqdn <pool>), as the migration procedure requires.',
  },
  'PCMIG-TOPO-005': {
    category: 'ResourceBusy',
    title: 'The pool database shows chat servers active within the last hour.',
    hint: 'A Group Chat server still pings its database. Stop it (and uninstall Group Chat) before decommissioning; the reason lists the servers.',
  },
  'PCMIG-TOPO-006': {
    category: 'ObjectNotFound',
    title: 'The trusted application does not exist.',
    hint: 'Give the identity as <pool FQDN>/<application id>, e.g. gc.contoso.com/urn:application:groupchat (the urn:application: prefix is optional).',
  },
  'PCMIG-TOPO-007': {
    category: 'ObjectNotFound',
    title: 'The trusted application pool does not exist.',
    hint: 'Give the pool FQDN or TrustedApplicationPool:<FQDN>; Get-CsTrustedApplicationPool lists them.',
  },
  'PCMIG-TOPO-008': {
    category: 'InvalidOperation',
    title: 'The trusted application pool has no Registrar and cannot be removed.',
    hint: 'As in Lync Server, assign a Registrar to the pool (registrar in deployment.json) before removing it.',
  },
  'PCMIG-TOPO-009': {
    category: 'InvalidArgument',
    title: 'Several pools qualify; the command needs one named.',
    hint: 'Name the pool with its parameter; the reason lists the candidates.',
  },
  'PCMIG-TOPO-010': {
    category: 'InvalidData',
    title: 'The embedded topology state file is damaged.',
    hint: 'pcmig never rewrites a damaged file. Restore topology.json from a backup of the deployment folder.',
  },
  'PCMIG-TOPO-011': {
    category: 'ResourceBusy',
    title: 'The embedded topology store is locked by another pcmig process.',
    hint: 'Wait for the other command to finish. If no pcmig process runs, delete the lock file named in the message.',
  },
  'PCMIG-TOPO-012': {
    category: 'WriteError',
    title: 'The embedded topology state file cannot be written.',
    hint: 'Check the permissions and free space of the deployment folder. The file was left as it was.',
  },
});
