import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { FileSink } from '../package/index.js';
import { expErrors } from './errors.js';

/**
 * The -FileName side of an export: the package is written under a temporary name beside the
 * destination (same volume, so the final rename is atomic) and only renamed once complete; on
 * any failure the temporary file is removed and nothing is left behind.
 */
export class PackageDestination {
  private constructor(
    readonly fileName: string,
    readonly temporary: string,
    readonly sink: FileSink,
    private readonly force: boolean,
  ) {}

  /** Checks -FileName / -Force and creates the temporary file (proving the folder is writable). */
  static async create(fileName: string, force: boolean): Promise<PackageDestination> {
    assertReplaceable(fileName, force);
    const temporary = path.join(path.dirname(fileName), `.${path.basename(fileName)}.${crypto.randomBytes(6).toString('hex')}.partial`);
    try {
      return new PackageDestination(fileName, temporary, await FileSink.create(temporary), force);
    } catch (cause) {
      throw expErrors.create('PCMIG-EXP-009', { message: `${fileName} cannot be written: ${(cause as Error).message}.`, target: fileName, cause });
    }
  }

  /** Moves the complete package into place (the destination is checked again: it may have appeared meanwhile). */
  async commit(): Promise<void> {
    assertReplaceable(this.fileName, this.force);
    try {
      await fsp.rename(this.temporary, this.fileName);
    } catch (cause) {
      throw expErrors.create('PCMIG-EXP-009', { message: `${this.fileName} cannot be written: ${(cause as Error).message}.`, target: this.fileName, cause });
    }
  }

  async discard(): Promise<void> {
    await this.sink.abandon();
    await fsp.rm(this.temporary, { force: true });
  }
}

function assertReplaceable(fileName: string, force: boolean): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(fileName);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) {
    throw expErrors.create('PCMIG-EXP-009', { message: `${fileName} is a folder.`, target: fileName });
  }
  if (stat && !force) {
    throw expErrors.create('PCMIG-EXP-008', { message: `${fileName} already exists.`, target: fileName });
  }
}

/** Checks that -Report can be written before the export starts (the report itself comes last). */
export async function assertReportWritable(report: string): Promise<void> {
  const fail = (why: string, cause?: unknown) =>
    expErrors.create('PCMIG-EXP-010', { message: `${report} cannot be written: ${why}.`, target: report, ...(cause !== undefined ? { cause } : {}) });
  try {
    if (fs.existsSync(report) && fs.statSync(report).isDirectory()) throw fail('it is a folder');
    await fsp.access(path.dirname(report), fs.constants.W_OK);
  } catch (error) {
    if (error instanceof Error && error.name === 'PcmigError') throw error;
    throw fail((error as Error).message, error);
  }
}

/** Writes the report under a temporary name and renames it into place (replacing an older report). */
export async function writeReportFile(report: string, html: string): Promise<void> {
  const temporary = path.join(path.dirname(report), `.${path.basename(report)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  try {
    await fsp.writeFile(temporary, html, { flag: 'wx' });
    await fsp.rename(temporary, report);
  } catch (cause) {
    await fsp.rm(temporary, { force: true });
    throw expErrors.create('PCMIG-EXP-010', { message: `${report} cannot be written: ${(cause as Error).message}.`, target: report, cause });
  }
}
