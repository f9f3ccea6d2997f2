import { exportPersistentChatData, throttleProgress } from '@pcmig/core';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { ExportValues } from '../cmdlets/export-cs-persistent-chat-data.js';

/** Export-CsPersistentChatData: the engine's notices become warnings (and verbose lines), its result one object or the bytes. */
export async function runExport(values: ExportValues, context: CmdletContext): Promise<void> {
  const result = await exportPersistentChatData({
    dbInstance: values.DBInstance,
    ...(values.DBName !== undefined ? { dbName: values.DBName } : {}),
    ...(values.FileName !== undefined ? { fileName: values.FileName } : {}),
    asBytes: values.AsBytes,
    level: values.Level,
    ...(values.Scope !== undefined ? { scope: values.Scope } : {}),
    ...(values.StartDate !== undefined ? { startDate: values.StartDate } : {}),
    disableExportedNodes: values.DisableExportedNodes,
    ...(values.Report !== undefined ? { report: values.Report } : {}),
    force: values.Force,
    onProgress: throttleProgress((event) => context.writeProgress(event)),
  });
  for (const notice of result.notices) {
    const text = `${notice.code} (${notice.path}): ${JSON.stringify(notice, (key, value: unknown) => (key === 'code' || key === 'path' || key === 'severity' ? undefined : value))}`;
    if (notice.severity === 'warning') context.writeWarning(text);
    else context.writeVerbose(text);
  }
  if (result.bytes) {
    context.writeObject(result.bytes);
    return;
  }
  context.writeObject({
    FileName: result.fileName,
    Size: result.size,
    Level: result.level,
    StartDate: result.startDate,
    Categories: result.counts.categories,
    Rooms: result.counts.rooms,
    Principals: result.counts.principals,
    Addins: result.counts.addins,
    Messages: result.counts.messages,
    MessagesCut: result.cut.messages,
    DisabledNodes: result.disabled ? result.disabled.categoryIds.length + result.disabled.roomIds.length : 0,
    Report: result.reportFileName,
  });
}
