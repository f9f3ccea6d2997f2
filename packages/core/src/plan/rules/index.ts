import type { PlanContext } from '../plan-context.js';
import { planAddins } from './addins.js';
import { convertScopes } from './allowed-members.js';
import { convertCategoryOnlySettings } from './category-only-settings.js';
import { allocateNodes } from './conflicts.js';
import { convertCreators } from './creators.js';
import { checkDanglingReferences } from './dangling-references.js';
import { applyDisabledRooms } from './disabled-rooms.js';
import { reportExportLevel } from './export-level.js';
import { reportFederatedMembers } from './federated-members.js';
import { flattenNames } from './flatten-names.js';
import { convertInvitations } from './invitations.js';
import { decideLedger } from './ledger-state.js';
import { convertManagers } from './managers.js';
import { checkMessages } from './message-checks.js';
import { enforceNameLength } from './name-length.js';
import { convertPresenters } from './presenters.js';
import { planPrincipals } from './principals.js';
import { convertPrivacyAndType } from './privacy-and-type.js';
import { convertRoomMembers } from './room-members.js';
import { checkServicesStopped } from './services-stopped.js';
import { reportStartDate } from './start-date.js';
import { convertTopic } from './topic.js';
import { checkUniqueNames } from './unique-names.js';

/**
 * The rules in the order they run. Order matters where one rule reads what another decided:
 * R7 decides which rooms migrate before anything reports on rooms; names (R1, R2) before
 * uniqueness; type before presenters; role lists before federation and principals; principals and
 * the ledger before node allocation (R9).
 */
export const rules = {
  beforeLedger: [
    reportExportLevel,
    applyDisabledRooms,
    flattenNames,
    enforceNameLength,
    checkUniqueNames,
    convertPrivacyAndType,
    convertScopes,
    convertCreators,
    convertRoomMembers,
    convertManagers,
    convertPresenters,
    convertInvitations,
    convertCategoryOnlySettings,
    convertTopic,
    checkDanglingReferences,
    reportFederatedMembers,
    checkMessages,
    reportStartDate,
  ] satisfies ((ctx: PlanContext) => void)[],
  decideLedger,
  planPrincipals,
  planAddins,
  afterLedger: [allocateNodes, checkServicesStopped] satisfies ((ctx: PlanContext) => void)[],
};
