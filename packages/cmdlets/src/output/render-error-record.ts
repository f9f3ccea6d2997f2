import type { ErrorRecordData } from '@pcmig/core';

/**
 * An error record as PowerShell's NormalView prints it, with pcmig's hint and cause:
 *
 *   Get-CsPersistentChatRoom : <message>
 *       + Hint                  : <what to do>
 *       + CategoryInfo          : ObjectNotFound: (<target>:String) [Get-CsPersistentChatRoom], PCMIG-DB-002
 *       + FullyQualifiedErrorId : PCMIG-DB-002,Get-CsPersistentChatRoom
 */
export function renderErrorRecord(record: ErrorRecordData, commandName: string, colour: boolean): string {
  const label = (name: string) => `    + ${name.padEnd(21)} : `;
  const lines = [`${commandName} : ${record.shortMessage}`];
  if (record.cause) lines.push(`${label('Cause')}${record.cause}`);
  lines.push(`${label('Hint')}${record.hint}`);
  lines.push(`${label('CategoryInfo')}${record.category}: (${record.target ?? ''}:String) [${commandName}], ${record.id}`);
  lines.push(`${label('FullyQualifiedErrorId')}${record.id},${commandName}`);
  const text = lines.join('\n');
  return `${colour ? `\x1b[31m${text}\x1b[0m` : text}\n`;
}
