// A light public entry point (@pcmig/core/errors): the error class and catalogs without the
// domain model, zod or database drivers, for callers that must start fast (the cmdlet host).
export { ERROR_CATEGORIES, type ErrorCategory } from './error-category.js';
export { PcmigError, isPcmigError, type ErrorDefinition, type ErrorRecordData, type PcmigErrorDetails } from './pcmig-error.js';
export { ERROR_ID_PATTERN, defineErrorCatalog, registeredErrors, type ErrorCatalog } from './define-error-catalog.js';
