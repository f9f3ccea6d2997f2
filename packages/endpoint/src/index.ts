// Public API of @pcmig/endpoint: the deployment folder, the directory (embedded and LDAP), the
// topology, and the engines behind the endpoint, lookup-move and decommissioning cmdlets.

// Errors (importing this module registers the DIR, TOPO, EP and DEPL catalogs)
export { directoryErrors } from './errors/directory-errors.js';
export { topologyErrors } from './errors/topology-errors.js';
export { endpointErrors } from './errors/endpoint-errors.js';
export { deploymentErrors } from './errors/deployment-errors.js';

// Deployment folder and deployment.json
export {
  deploymentDefinitionSchema,
  normalizeApplicationId,
  SERVICE_STATES,
  type DeploymentDefinition,
  type DeploymentDefinitionInput,
  type DirectoryDefinition,
  type LdapDirectoryDefinition,
  type PoolDefinition,
  type ServiceState,
} from './deployment/deployment-schema.js';
export { describeDeployment, type Deployment, type DeploymentSummary } from './deployment/deployment.js';
export { DEPLOYMENT_ENV, JOURNAL_FOLDER, openDeployment, type OpenDeploymentOptions } from './deployment/open-deployment.js';
export { createDeployment, SEEDED_LOOKUP_DISPLAY_NAME, type CreateDeploymentOptions, type DeploymentUserSeed } from './deployment/create-deployment.js';
export { DEPLOYMENT_FILE } from './deployment/read-deployment-file.js';

// Directory
export {
  attributeValues,
  diffAttributes,
  firstValue,
  hasObjectClass,
  type AttributeMap,
  type Directory,
  type DirectoryEntry,
  type DirectorySearch,
  type NewDirectoryEntry,
  type RestoreOutcome,
} from './directory/directory.js';
export { EmbeddedDirectory } from './directory/embedded-directory.js';
export { LdapDirectory, type LdapDirectoryOptions } from './directory/ldap-directory.js';
export { provisionDirectory, type DirectoryUserSeed, type ProvisionResult } from './directory/provision-directory.js';
export {
  APPLICATION_CONTACTS_RDNS,
  LyncAttribute,
  PERSISTENT_CHAT_OWNER_URN,
  applicationContactsDn,
  defaultHomeServerDn,
} from './directory/lync-attributes.js';
export { childDn, escapeDnValue, normalizeDn, parseDn, sameDn, type Ava, type Rdn } from './ldap/distinguished-name.js';
export { escapeFilterValue } from './ldap/filter-escape.js';
export { parseSipAddress, assertSipDomain, sameSipAddress, type SipAddress } from './sip/sip-address.js';

// Topology
export type { Topology, TopologyEvent, TopologyPool, TrustedApplication, TrustedApplicationPool } from './topology/topology.js';
export { CONVENTIONAL_LOOKUP_USER } from './topology/lookup-sip-address.js';

// Engines (one per cmdlet)
export type { EngineAction, EngineResult, PersistentChatEndpoint, RecoveryReport } from './engine/results.js';
export type { DeploymentRef } from './engine/with-deployment.js';
export { newPersistentChatEndpoint, type NewPersistentChatEndpointParams, type NewPersistentChatEndpointResult } from './engine/new-endpoint.js';
export { getPersistentChatEndpoint, type GetPersistentChatEndpointParams, type GetPersistentChatEndpointResult } from './engine/get-endpoint.js';
export { removePersistentChatEndpoint, type RemovePersistentChatEndpointParams, type RemovePersistentChatEndpointResult } from './engine/remove-endpoint.js';
export { MOVE_LOOKUP_URI_ACTIVITY, moveLookupUri, type MoveLookupUriParams, type MoveLookupUriResult } from './engine/move-lookup-uri.js';
export { inspectInterruptedMove, type InterruptedMove } from './engine/recover-lookup-move.js';
export { parseEndpointFilter, type EndpointPredicate } from './engine/endpoint-filter.js';
export {
  getTrustedApplication,
  getTrustedApplicationPool,
  removeTrustedApplication,
  removeTrustedApplicationPool,
  type GetTrustedApplicationParams,
  type GetTrustedApplicationPoolParams,
  type RemoveTrustedApplicationParams,
  type RemoveTrustedApplicationPoolParams,
  type RemoveTrustedApplicationPoolResult,
  type RemoveTrustedApplicationResult,
} from './engine/trusted-applications.js';
export {
  getPersistentChatPool,
  getTopologyHistory,
  startPoolServices,
  stopPoolServices,
  type GetPersistentChatPoolParams,
  type PoolServiceStateResult,
  type SetPoolServiceStateParams,
} from './engine/pool-services.js';
