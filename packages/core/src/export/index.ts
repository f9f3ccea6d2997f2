// Export-CsPersistentChatData: a pool database → one package (docs/package-format.md).
export { expErrors, type ExpErrorId } from './errors.js';
export { EXPORT_ACTIVITY, exportPersistentChatData } from './export-persistent-chat-data.js';
export type { ExportOptions } from './export-options.js';
export type { CategorySummary, DisabledNodes, ExportNotice, ExportResult, FederatedPrincipal, RoomSummary } from './export-result.js';
export { CATEGORY_PATH_SEPARATOR, categoryPaths } from './resolve-scope.js';
export { renderExportReport } from './render-export-report.js';
