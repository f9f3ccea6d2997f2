import fs from 'node:fs';
import { isPcmigError } from '@pcmig/core/errors';
import type { ResolvedOptions } from '../copy-options.js';
import { fsErrors } from '../errors.js';
import { describeFinding, type CopyFinding } from '../plan/copy-finding.js';
import { COPY_ACTIONS, formatItem, type CopyItemResult } from '../plan/copy-item.js';
import type { CopyResult } from '../result/copy-result.js';
import { COPY_ACTIVITY } from '../progress/copy-progress.js';
import { formatBytes, formatCount, formatDuration } from '../progress/format-units.js';

const FLUSH_AT = 64 * 1024;

/**
 * The -Log file: a header with the options, one line per item that changes something (unchanged
 * files are counted, not listed, as robocopy does), findings, failures and a summary. Written
 * as the run goes (overwritten at the start, like robocopy /LOG), so that an interrupted run
 * leaves a useful log.
 */
export class CopyLog {
  private buffer: string[] = [];
  private buffered = 0;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {}

  static open(path: string): CopyLog {
    try {
      return new CopyLog(path, fs.openSync(path, 'w'));
    } catch (error) {
      throw fsErrors.create('PCMIG-FS-014', { message: `The log file ${path} cannot be written.`, target: path, cause: error });
    }
  }

  line(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length + 1;
    if (this.buffered >= FLUSH_AT) this.flush();
  }

  header(options: ResolvedOptions, startedAt: Date): void {
    const flag = (value: boolean) => (value ? 'True' : 'False');
    this.line(`${COPY_ACTIVITY}${options.whatIf ? ' -WhatIf' : ''}`);
    this.line(`Started:     ${startedAt.toISOString()}`);
    this.line(`Source:      ${options.source}`);
    this.line(`Destination: ${options.destination}`);
    this.line(
      `Options:     Checksum=${flag(options.checksum)} Verify=${flag(options.verify)} Mirror=${flag(options.mirror)} Threads=${options.threads} Retry=${options.retry} Wait=${options.waitSeconds}`,
    );
    this.line('');
  }

  item(item: CopyItemResult): void {
    if (item.action === 'skip') return;
    const notes: string[] = [];
    if (item.outcome === 'failed' || item.outcome === 'vanished') notes.push(item.outcome);
    if (item.attempts > 1) notes.push(`${item.attempts} attempts`);
    if (item.sha256 && item.outcome === 'done' && (item.action === 'copy' || item.action === 'replace')) notes.push(`sha256 ${item.sha256}`);
    this.line(`${formatItem(item)}${notes.length > 0 ? `  [${notes.join(', ')}]` : ''}`);
  }

  finding(finding: CopyFinding): void {
    this.line(`! ${finding.severity === 'error' ? 'ERROR  ' : 'WARNING'} ${finding.code}: ${describeFinding(finding)}`);
  }

  error(error: unknown): void {
    this.line('');
    this.line(isPcmigError(error) ? `ERROR ${error.message.replace(/\n/g, '\n      ')}` : `ERROR ${String(error)}`);
  }

  summary(result: CopyResult): void {
    this.line('');
    for (const finding of result.findings) this.finding(finding);
    for (const failure of result.failures) {
      this.line(`! FAILED  ${failure.path || '(destination)'}: ${failure.error.id} ${failure.error.shortMessage}${failure.error.cause ? ` (${failure.error.cause})` : ''}`);
    }
    this.line('');
    this.line(`${'Action'.padEnd(16)}${'Count'.padStart(12)}${'Bytes'.padStart(16)}`);
    for (const action of COPY_ACTIONS) {
      const tally = result.actions[action];
      this.line(`${action.padEnd(16)}${formatCount(tally.count).padStart(12)}${formatBytes(tally.bytes).padStart(16)}`);
    }
    this.line(`${'failed'.padEnd(16)}${formatCount(result.failed.count).padStart(12)}${formatBytes(result.failed.bytes).padStart(16)}`);
    if (result.verified.count > 0) this.line(`${'verified'.padEnd(16)}${formatCount(result.verified.count).padStart(12)}${formatBytes(result.verified.bytes).padStart(16)}`);
    this.line('');
    if (result.manifest) this.line(`Manifest:    ${result.manifest}`);
    this.line(`Elapsed:     ${formatDuration(result.elapsedMs / 1000)}`);
    this.line(`Status:      ${result.status} (exit code ${result.exitCode})`);
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.buffered = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
