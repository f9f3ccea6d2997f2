import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import { copyCsPersistentChatFileStore } from './copy-cs-persistent-chat-file-store.js';
import { exportCsPersistentChatData } from './export-cs-persistent-chat-data.js';
import { getCsPersistentChatAddin } from './get-cs-persistent-chat-addin.js';
import { getCsPersistentChatCategory } from './get-cs-persistent-chat-category.js';
import { getCsPersistentChatRoom } from './get-cs-persistent-chat-room.js';
import { importCsPersistentChatData } from './import-cs-persistent-chat-data.js';
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
  getCsPersistentChatCategory,
  getCsPersistentChatRoom,
  getCsPersistentChatAddin,
];
