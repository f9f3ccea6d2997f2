import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import { copyCsPersistentChatFileStore } from './copy-cs-persistent-chat-file-store.js';
import { exportCsPersistentChatData } from './export-cs-persistent-chat-data.js';
import { getCsPersistentChatAddin } from './get-cs-persistent-chat-addin.js';
import { getCsPersistentChatCategory } from './get-cs-persistent-chat-category.js';
import { getCsPersistentChatEndpoint } from './get-cs-persistent-chat-endpoint.js';
import { getCsPersistentChatPool } from './get-cs-persistent-chat-pool.js';
import { getCsPersistentChatRoom } from './get-cs-persistent-chat-room.js';
import { getCsPersistentChatTopologyHistory } from './get-cs-persistent-chat-topology-history.js';
import { getCsTrustedApplicationPool } from './get-cs-trusted-application-pool.js';
import { getCsTrustedApplication } from './get-cs-trusted-application.js';
import { importCsPersistentChatData } from './import-cs-persistent-chat-data.js';
import { moveCsPersistentChatLookupUri } from './move-cs-persistent-chat-lookup-uri.js';
import { newCsPersistentChatEndpoint } from './new-cs-persistent-chat-endpoint.js';
import { removeCsPersistentChatEndpoint } from './remove-cs-persistent-chat-endpoint.js';
import { removeCsTrustedApplicationPool } from './remove-cs-trusted-application-pool.js';
import { removeCsTrustedApplication } from './remove-cs-trusted-application.js';
import { startCsPersistentChatPoolService } from './start-cs-persistent-chat-pool-service.js';
import { stopCsPersistentChatPoolService } from './stop-cs-persistent-chat-pool-service.js';
import { testCsPersistentChatFileLink } from './test-cs-persistent-chat-file-link.js';
import { testCsPersistentChatMigration } from './test-cs-persistent-chat-migration.js';

/**
 * The cmdlets pcmig has, one definition file each. A cmdlet is registered only once its engine
 * exists: add its file beside these and its name here.
 */
export const CMDLETS: readonly AnyCmdletDefinition[] = [
  exportCsPersistentChatData,
  importCsPersistentChatData,
  testCsPersistentChatMigration,
  copyCsPersistentChatFileStore,
  testCsPersistentChatFileLink,
  getCsPersistentChatCategory,
  getCsPersistentChatRoom,
  getCsPersistentChatAddin,
  newCsPersistentChatEndpoint,
  getCsPersistentChatEndpoint,
  removeCsPersistentChatEndpoint,
  moveCsPersistentChatLookupUri,
  getCsTrustedApplication,
  removeCsTrustedApplication,
  getCsTrustedApplicationPool,
  removeCsTrustedApplicationPool,
  getCsPersistentChatPool,
  stopCsPersistentChatPoolService,
  startCsPersistentChatPoolService,
  getCsPersistentChatTopologyHistory,
];
