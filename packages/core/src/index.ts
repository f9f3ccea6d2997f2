// Public API of @pcmig/core. Other packages import only from here.

// Errors
export * from './errors/index.js';

// Domain model
export * from './model/constants.js';
export * from './model/ticks.js';
export * from './model/primitives.js';
export * from './model/principal.js';
export * from './model/node.js';
export * from './model/message.js';
export * from './model/file-link.js';
export * from './model/export-level.js';

// Reports (HTML kit shared by every report)
export * from './report/html.js';
export * from './report/svg-charts.js';
export type { MonthTally, SourceData, SourceInfo } from './model/source-data.js';
export * from './model/progress.js';

// Pool databases
export { dbErrors } from './db/errors.js';
export { DEFAULT_DB_NAME, describeLocation, parseDbInstance, type DbLocation } from './db/instance.js';
export type { Row, SqlConnection, SqlDialect, SqlParams, SqlValue, StreamOptions } from './db/connection.js';
export { createPool, openConnection, openPool, type OpenPoolOptions, type PoolDatabase } from './db/open-pool.js';
export { credentialsFromEnvironment, type MssqlCredentials } from './db/mssql/mssql-credentials.js';
export { mssqlDialect } from './db/mssql/mssql-dialect.js';
export { sqliteDialect } from './db/sqlite/sqlite-dialect.js';
export { createPoolSchema, detectPoolSchema, isLegacyFlavour, schemaStatements, tablesFor, type DetectedSchema } from './db/schema/pool-schema.js';
export { LEGACY_SCHEMA_VERSIONS, VERSION_COMPONENT } from './db/schema/legacy-tables.js';
export { PERSISTENT_CHAT_TABLES, PERSISTENT_CHAT_ROLE_TYPES, LEGACY_ROLE_TYPES } from './db/schema/persistent-chat-tables.js';
export type { ColumnDef, ColumnType, TableDef } from './db/schema/table.js';
export { SourceReader, type MessageFilter, type MonthlyCount } from './db/repositories/source-reader.js';
export { SourceWriter, disableNodes } from './db/repositories/source-writer.js';
export { seedPoolRoot } from './db/repositories/seed-pool-root.js';
export {
  PersistentChatStore,
  type CategoryWrite,
  type NodeWrite,
  type RoomRoles,
  type RoomWrite,
  type StoredCategory,
  type StoredRoom,
} from './db/repositories/persistent-chat-store.js';
export {
  RUNNING_PING_WINDOW_MS,
  readServiceActivity,
  runningEvidence,
  type AdminLock,
  type ServerIdentity,
  type ServiceActivity,
} from './db/repositories/service-activity.js';

// Export package and Export-CsPersistentChatData
export * from './package/index.js';
export * from './export/index.js';

// WhatIf planner, importer and verification (Import-CsPersistentChatData, Test-CsPersistentChatMigration)
export * from './plan/index.js';
export * from './import/index.js';
export * from './verify/index.js';
