import { ROOT_NODE_ID, SYSTEM_PRINCIPAL_ID } from '../../model/constants.js';
import type { SourceCategory } from '../../model/node.js';
import type { Principal } from '../../model/principal.js';
import type { Ticks } from '../../model/ticks.js';
import type { SourceWriter } from './source-writer.js';

/**
 * The two rows every pool has before anything else: the system principal (prinID 1, performs
 * AD sync) and the root category (nodeID 1, its own parent).
 */
export async function seedPoolRoot(
  writer: SourceWriter,
  options: { rootGuid: string; systemGuid: string; rootName?: string; on: Ticks; verifiedOn: Date; fileStoreUri?: string | null },
): Promise<{ system: Principal; root: SourceCategory }> {
  const system: Principal = {
    id: SYSTEM_PRINCIPAL_ID,
    guid: options.systemGuid,
    kind: 'system',
    uri: 'ma-sys:pcmig-system',
    name: null,
    displayName: null,
    email: null,
    companyName: null,
    dn: null,
    upn: null,
    state: 'active',
    federated: false,
    homePoolId: null,
  };
  const legacy = writer.flavour !== 'pc2013';
  const root: SourceCategory = {
    id: ROOT_NODE_ID,
    guid: options.rootGuid,
    parentId: null,
    name: options.rootName ?? 'Root',
    description: '',
    invitations: false,
    chatHistory: true,
    fileUpload: false,
    membersCanCreateRooms: legacy ? true : null,
    childrenMustInherit: false,
    allowSubcategoryScopeChanges: legacy,
    overrideMembers: false,
    scopeDefinerId: legacy ? ROOT_NODE_ID : null,
    roleDefinerId: legacy ? ROOT_NODE_ID : null,
    fileStoreUri: legacy ? (options.fileStoreUri ?? null) : null,
    disabled: false,
    audit: { addedBy: SYSTEM_PRINCIPAL_ID, addedOn: options.on, updatedBy: SYSTEM_PRINCIPAL_ID, updatedOn: options.on },
  };
  await writer.principals([system], { on: options.on, verifiedOn: options.verifiedOn });
  await writer.categories([root]);
  await writer.tree([{ id: root.id, parentId: null }]);
  return { system, root };
}
