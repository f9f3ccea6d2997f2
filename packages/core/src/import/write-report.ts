import fs from 'node:fs';
import path from 'node:path';
import { importErrors } from './import-errors.js';

/** Writes an HTML report atomically (temporary file, then rename): a crash never leaves half a report. */
export function writeReportFile(destination: string, content: string): string {
  const target = path.resolve(destination);
  const temporary = `${target}.partial-${process.pid}`;
  try {
    fs.writeFileSync(temporary, content, 'utf8');
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw importErrors.create('PCMIG-IMP-006', { message: `The report cannot be written to ${target}.`, target, cause: error });
  }
  return target;
}
