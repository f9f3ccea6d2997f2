import type { ErrorCategory } from './error-category.js';

/** What a catalog knows about an error id, independent of one occurrence. */
export interface ErrorDefinition {
  readonly category: ErrorCategory;
  /** One line: what went wrong, in general. */
  readonly title: string;
  /** What the administrator can do about it. */
  readonly hint: string;
}

export interface PcmigErrorDetails {
  /** The specific, short message for this occurrence. */
  readonly message: string;
  /** The object the error is about (a path, a room name, a parameter). */
  readonly target?: string;
  /** Overrides the catalog's hint when the occurrence knows better. */
  readonly hint?: string;
  /** The reason as data, for scripts and reports. Never holds credentials. */
  readonly reason?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/** The serialisable form an error takes on the wire (the host's error records). */
export interface ErrorRecordData {
  readonly id: string;
  readonly category: ErrorCategory;
  readonly message: string;
  readonly shortMessage: string;
  readonly hint: string;
  readonly target?: string;
  readonly reason?: Readonly<Record<string, unknown>>;
  readonly cause?: string;
}

/**
 * Every failure pcmig reports on purpose is a PcmigError: a stable id (documented in
 * docs/errors.md), a PowerShell error category, a short and a long message, a hint, the reason
 * as data and the chained cause.
 */
export class PcmigError extends Error {
  override readonly name = 'PcmigError';
  readonly id: string;
  readonly category: ErrorCategory;
  readonly shortMessage: string;
  readonly hint: string;
  readonly target?: string;
  readonly reason?: Readonly<Record<string, unknown>>;

  constructor(id: string, definition: ErrorDefinition, details: PcmigErrorDetails) {
    const hint = details.hint ?? definition.hint;
    const causeText = describeCause(details.cause);
    super(
      [`${id}: ${details.message}`, causeText ? `Cause: ${causeText}` : undefined, `Hint: ${hint}`]
        .filter((line): line is string => line !== undefined)
        .join('\n'),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.id = id;
    this.category = definition.category;
    this.shortMessage = details.message;
    this.hint = hint;
    if (details.target !== undefined) this.target = details.target;
    if (details.reason !== undefined) this.reason = details.reason;
  }

  toRecord(): ErrorRecordData {
    const cause = describeCause(this.cause);
    return {
      id: this.id,
      category: this.category,
      message: this.message,
      shortMessage: this.shortMessage,
      hint: this.hint,
      ...(this.target !== undefined ? { target: this.target } : {}),
      ...(this.reason !== undefined ? { reason: this.reason } : {}),
      ...(cause !== undefined ? { cause } : {}),
    };
  }
}

export function isPcmigError(value: unknown): value is PcmigError {
  return value instanceof PcmigError;
}

function describeCause(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof PcmigError) return `${cause.id}: ${cause.shortMessage}`;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}
