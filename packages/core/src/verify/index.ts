// Public surface of this area (re-exported by src/index.ts): Test-CsPersistentChatMigration.
export { testPersistentChatMigration } from './test-persistent-chat-migration.js';
export { VERIFY_ACTIVITY } from './check-messages.js';
export { formatVerificationText, renderVerificationReport } from './verification-report.js';
export { verifyErrors } from './verify-errors.js';
export { CHECK_NAMES, type CheckName, type VerificationCheck, type VerificationResult, type VerifyOptions } from './verify-types.js';
