import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from './rehearsal/hash-file.js';
import { databaseDigest } from './support/database-digest.js';
import { findingsOf, prepareScenario, withCode, type FindingObject, type Scenario } from './support/migration-scenario.js';

/**
 * One scenario per rule of Microsoft's "Migration process - details", on generated Group Chat
 * pools of both flavours, run through the real pcmig binary as an administrator would.
 */
describe.each([['lync2010'], ['ocs2007r2']] as const)('migration rules on a %s source', (flavour) => {
  let scenario: Scenario;
  let whatIf: FindingObject[];
  let targetHashBefore: string;
  let targetDigestBefore: string;
  /** Disabled rooms are not migrated (R7), so no other conversion is reported for them. */
  let disabled: Set<number>;

  beforeAll(async () => {
    scenario = await prepareScenario(`rules-${flavour}`, { flavour });
    targetHashBefore = await hashFile(scenario.targetDb);
    targetDigestBefore = await databaseDigest(scenario.targetDb);
    disabled = new Set(scenario.generated.planted.disabledRooms.map((r) => r.id));
    const run = await scenario.pcmig('Import-CsPersistentChatData', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-WhatIf']);
    expect(run.exitCode).toBe(0);
    whatIf = findingsOf(run);
  }, 180_000);
  afterAll(() => scenario?.dispose());

  it('WhatIf changes nothing in the target (byte-identical)', async () => {
    expect(await hashFile(scenario.targetDb)).toBe(targetHashBefore);
  });

  it('R2: names over 256 characters once prefixed are errors, and the import is refused with the target untouched', async () => {
    const planted = scenario.generated.planted.longNames;
    expect(withCode(whatIf, 'name-too-long')).toHaveLength(planted.rooms.length + planted.categories.length);
    for (const room of planted.rooms) expect(whatIf.some((f) => f.Code === 'name-too-long' && f.Path.endsWith(room.name))).toBe(true);
    const refused = await scenario.pcmig('Import-CsPersistentChatData', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-Confirm:$false', '-NoBackup']);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.errors[0]?.id).toMatch(/^PCMIG-IMP-/);
    expect(await hashFile(scenario.targetDb)).toBe(targetHashBefore);
  });

  it('R8: the export left out exactly the messages before -StartDate, and WhatIf accounts for them per room', () => {
    const exported = scenario.exported.objects[0]!;
    expect(Number(exported.MessagesCut)).toBe(scenario.generated.planted.cutoff.messagesBefore);
    const perRoom = withCode(whatIf, 'messages-before-start-date');
    const migratedRoomsWithCut = Object.keys(scenario.generated.planted.cutoff.byRoom).filter((id) => !disabled.has(Number(id)));
    expect(migratedRoomsWithCut.length).toBeGreaterThan(0);
    expect(perRoom.length).toBe(migratedRoomsWithCut.length);
  });

  it('R3, R4, R6, R7, R9 and §4 conversions are each reported', () => {
    const planted = scenario.generated.planted;
    expect(withCode(whatIf, 'root-manager').length).toBe(planted.rootManagers.length);
    expect(withCode(whatIf, 'invitations-forced-off').length).toBe(planted.invitationConflicts.length);
    expect(withCode(whatIf, 'federated-member').length).toBeGreaterThanOrEqual(planted.federatedUsers.length);
    expect(withCode(whatIf, 'room-disabled-not-migrated').length).toBe(planted.disabledRooms.length);
    expect(withCode(whatIf, 'category-overwritten').length).toBe(planted.collisions.categories.length);
    expect(withCode(whatIf, 'room-overwritten').length).toBe(planted.collisions.rooms.length);
    expect(withCode(whatIf, 'addin-overwritten').length).toBe(planted.collisions.addins.length);
    expect(withCode(whatIf, 'category-flattened').length).toBeGreaterThan(0);
    expect(withCode(whatIf, 'topic-merged').length + withCode(whatIf, 'topic-dropped').length).toBe(planted.topicRooms.filter((id) => !disabled.has(id)).length);
  });

  describe('after the import with -ShortenLongNames', () => {
    let rooms: Record<string, unknown>[];
    let categories: Record<string, unknown>[];
    let backupPath: string;
    let importedRooms: number;
    beforeAll(async () => {
      backupPath = path.join(scenario.dir, 'target-backup.db');
      const run = await scenario.pcmig('Import-CsPersistentChatData', [
        '-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-ShortenLongNames', '-BackupPath', backupPath, '-Confirm:$false',
      ]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.objects[0]?.Status).toBe('imported');
      importedRooms = Number(run.objects[0]?.Rooms);
      expect(withCode(findingsOf(run), 'name-shortened')).toHaveLength(scenario.generated.planted.longNames.rooms.length + scenario.generated.planted.longNames.categories.length);
      rooms = (await scenario.pcmig('Get-CsPersistentChatRoom', ['-DBInstance', scenario.targetDb])).objects;
      categories = (await scenario.pcmig('Get-CsPersistentChatCategory', ['-DBInstance', scenario.targetDb])).objects;
    }, 180_000);

    it('R14: the target was backed up first, with the content it had before the import', async () => {
      expect(fs.existsSync(backupPath)).toBe(true);
      expect(await databaseDigest(backupPath)).toBe(targetDigestBefore);
      expect(await databaseDigest(scenario.targetDb)).not.toBe(targetDigestBefore);
    });

    it('R1: nested categories are flattened with their parents\' names as prefix', () => {
      const names = new Set(categories.map((c) => String(c.Name)));
      for (const category of scenario.generated.planted.restrictedCreationCategories) {
        expect(names.has(category.path.join(' / '))).toBe(true);
      }
    });

    it('R3: managers of the root category manage every migrated room', () => {
      const uris = scenario.generated.planted.rootManagers.map((p) => p.uri.toLowerCase());
      expect(uris.length).toBeGreaterThan(0);
      const managedByAll = rooms.filter((room) => {
        const managers = ((room.Managers ?? []) as string[]).map((m) => m.toLowerCase());
        return uris.every((uri) => managers.includes(uri));
      });
      expect(importedRooms).toBeGreaterThan(0);
      expect(managedByAll.length).toBe(importedRooms);
    });

    it('R4: rooms whose invitations conflicted with their category are set to False', () => {
      for (const planted of scenario.generated.planted.invitationConflicts) {
        const room = rooms.find((r) => String(r.Name).endsWith(planted.name));
        expect(room?.Invitations, planted.name).toBe('False');
      }
    });

    it('R7: disabled rooms are not migrated', () => {
      for (const planted of scenario.generated.planted.disabledRooms) {
        expect(rooms.some((r) => String(r.Name).endsWith(` / ${planted.name}`) || r.Name === planted.name)).toBe(false);
      }
    });

    it('R9: colliding target rooms are overwritten by the legacy ones', () => {
      for (const name of scenario.generated.planted.collisions.rooms) {
        expect(rooms.filter((r) => r.Name === name)).toHaveLength(1);
      }
    });

    it('R5: the file store copy brings every file, verified', async () => {
      const run = await scenario.pcmig('Copy-CsPersistentChatFileStore', [
        '-Source', scenario.generated.topology.legacy.fileStore.path,
        '-Destination', scenario.generated.topology.target?.fileStore.path ?? '',
        '-Verify',
      ]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(Number(run.objects[0]?.Copied)).toBe(scenario.generated.legacy.summary.files.count);
      expect(Number(run.objects[0]?.Verified)).toBe(scenario.generated.legacy.summary.files.count);
    });

    it('R19: Test-CsPersistentChatMigration finds the target as the plan says', async () => {
      const run = await scenario.pcmig('Test-CsPersistentChatMigration', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-ShortenLongNames']);
      expect(run.objects[0]?.Passed, JSON.stringify(run.objects[0]?.Failures)).toBe(true);
    });
  });
});

describe('preconditions', () => {
  it('P3: a principal of another forest is an error, and the target stays as it was', async () => {
    const scenario = await prepareScenario('foreign-forest', { flavour: 'lync2010', plant: { foreignForestPrincipals: 1, longRoomNames: 0, longCategoryNames: 0 } });
    try {
      const before = await hashFile(scenario.targetDb);
      const whatIf = await scenario.pcmig('Import-CsPersistentChatData', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-WhatIf']);
      expect(withCode(findingsOf(whatIf), 'foreign-forest-principal').length).toBeGreaterThanOrEqual(1);
      const run = await scenario.pcmig('Import-CsPersistentChatData', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-Confirm:$false']);
      expect(run.exitCode).not.toBe(0);
      expect(await hashFile(scenario.targetDb)).toBe(before);
    } finally {
      scenario.dispose();
    }
  }, 180_000);

  it('R13: running Persistent Chat services refuse the import; -Force goes on with a warning', async () => {
    const scenario = await prepareScenario('services-running', { flavour: 'ocs2007r2', plant: { targetServicesRunning: true, longRoomNames: 0, longCategoryNames: 0 } });
    try {
      const before = await hashFile(scenario.targetDb);
      const refused = await scenario.pcmig('Import-CsPersistentChatData', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-Confirm:$false']);
      expect(refused.exitCode).not.toBe(0);
      expect(await hashFile(scenario.targetDb)).toBe(before);
      const forced = await scenario.pcmig('Import-CsPersistentChatData', ['-DBInstance', scenario.targetDb, '-FileName', scenario.packageFile, '-Force']);
      expect(forced.exitCode, forced.stderr).toBe(0);
      const finding = withCode(findingsOf(forced), 'services-running')[0];
      expect(finding?.Severity).toBe('warning');
      expect(forced.objects[0]?.Status).toBe('imported');
    } finally {
      scenario.dispose();
    }
  }, 180_000);
});
