// Public surface of this area (re-exported by src/index.ts): Import-CsPersistentChatData.
export { importPersistentChatData, DEFAULT_MESSAGES_PER_TRANSACTION } from './import-persistent-chat-data.js';
export { importErrors } from './import-errors.js';
export { renderImportReport, type ReportOutcome } from './import-report.js';
export type { ImportOptions, ImportResult, ImportStatus, WrittenCounts } from './import-types.js';
