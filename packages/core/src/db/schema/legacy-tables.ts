import { LEGACY_FEDERATED_PRINCIPAL_TYPE, PRINCIPAL_TYPES, type LegacyFlavour } from '../../model/constants.js';
import {
  activePeersTable,
  adSyncTables,
  adminLockTable,
  chatTable,
  configTable,
  enumAttributeTable,
  enumValueTable,
  fileTokenTable,
  lastChatIdTable,
  lastInviteIdTable,
  legacyNodeTable,
  preferenceTable,
  principalAffiliationsTable,
  principalInvitesTable,
  principalRoleTable,
  principalTable,
  principalTypeTable,
  roleTypeTable,
  scopePrincipalTable,
  serverIdentityTable,
  siopWhiteListTable,
  systemRevisionTable,
} from './persistent-chat-tables.js';
import { col, int, nvarchar, type TableDef } from './table.js';

/**
 * Decision: tblVersion holds one row per component; pcmig reads the 'GroupChatDatabase' row.
 * Its major version tells the product apart: 3 = OCS 2007 R2 Group Chat, 4 = Lync Server 2010
 * Group Chat (their RTM build numbers). A higher major is a newer schema than pcmig knows.
 */
export const VERSION_COMPONENT = 'GroupChatDatabase';
export const LEGACY_SCHEMA_VERSIONS: Readonly<Record<LegacyFlavour, string>> = {
  ocs2007r2: '3.5.6907.0',
  lync2010: '4.0.7577.0',
};

export function versionTable(flavour: LegacyFlavour): TableDef {
  return {
    name: 'tblVersion',
    columns: [col('versionComponent', nvarchar(64)), col('versionNumber', nvarchar(32))],
    primaryKey: ['versionComponent'],
    seed: { columns: ['versionComponent', 'versionNumber'], rows: [[VERSION_COMPONENT, LEGACY_SCHEMA_VERSIONS[flavour]]] },
  };
}

/** Decision: tblTree is the closure of the node tree (every ancestor of every node, with the distance). */
export const treeTable: TableDef = {
  name: 'tblTree',
  columns: [col('ancestorID', int), col('descendantID', int), col('depth', int)],
  primaryKey: ['ancestorID', 'descendantID'],
  foreignKeys: [
    { columns: ['ancestorID'], table: 'tblNode', references: ['nodeID'] },
    { columns: ['descendantID'], table: 'tblNode', references: ['nodeID'] },
  ],
};

/**
 * A Group Chat database (OCS 2007 R2 or Lync Server 2010). The two share one structure as far as
 * anything public shows; they differ in tblVersion. Not created: Purged*, Logs and the compliance
 * tables, which the migration never reads (docs/legacy-schema.md).
 */
export function legacyTables(flavour: LegacyFlavour): readonly TableDef[] {
  return [
    versionTable(flavour),
    enumAttributeTable,
    enumValueTable,
    principalTypeTable([...PRINCIPAL_TYPES, LEGACY_FEDERATED_PRINCIPAL_TYPE].sort((a, b) => a.id - b.id)),
    principalTable(false),
    principalAffiliationsTable,
    roleTypeTable(true),
    siopWhiteListTable,
    legacyNodeTable,
    treeTable,
    scopePrincipalTable(false),
    principalRoleTable,
    principalInvitesTable,
    lastInviteIdTable,
    chatTable(false),
    lastChatIdTable,
    preferenceTable,
    fileTokenTable,
    serverIdentityTable,
    adminLockTable,
    systemRevisionTable,
    activePeersTable,
    configTable,
    ...adSyncTables,
  ];
}
