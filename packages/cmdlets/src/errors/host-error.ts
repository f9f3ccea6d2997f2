import type { ErrorRecordData } from '@pcmig/core';
import { HOST_ERROR_DEFINITIONS, type HostErrorId } from './host-error-definitions.js';

export interface HostErrorDetails {
  readonly message: string;
  readonly target?: string;
  readonly hint?: string;
  readonly reason?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * An error of the HOST area. It has the shape and record of @pcmig/core's PcmigError (id,
 * category, short message, hint, target, reason, cause; toRecord()) without importing the engine
 * package, which would cost the host its start-up time; the ids are registered in core's catalog
 * registry by src/index.ts all the same.
 */
export class HostError extends Error {
  override readonly name = 'HostError';
  readonly id: HostErrorId;
  readonly category: (typeof HOST_ERROR_DEFINITIONS)[HostErrorId]['category'];
  readonly shortMessage: string;
  readonly hint: string;
  readonly target?: string;
  readonly reason?: Readonly<Record<string, unknown>>;

  constructor(id: HostErrorId, details: HostErrorDetails) {
    const definition = HOST_ERROR_DEFINITIONS[id];
    const hint = details.hint ?? definition.hint;
    const causeText = describeCause(details.cause);
    super(
      [`${id}: ${details.message}`, causeText ? `Cause: ${causeText}` : undefined, `Hint: ${hint}`].filter((line) => line !== undefined).join('\n'),
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

export function describeCause(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (typeof cause === 'object' && 'id' in cause && 'shortMessage' in cause) {
    return `${String((cause as { id: unknown }).id)}: ${String((cause as { shortMessage: unknown }).shortMessage)}`;
  }
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}
