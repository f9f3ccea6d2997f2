import { PcmigError, registeredErrors } from '../errors/index.js';

/** An error as plain data: what crosses from a worker thread (structured cloning drops an error's own fields). */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly cause?: WireError;
  /** A PcmigError's occurrence, re-created with its catalog's definition on the other side. */
  readonly pcmig?: { readonly id: string; readonly message: string; readonly hint: string; readonly target?: string; readonly reason?: Readonly<Record<string, unknown>> };
}

export function errorToWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  const cause = error.cause === undefined ? undefined : errorToWire(error.cause);
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(cause ? { cause } : {}),
    ...(error instanceof PcmigError
      ? {
          pcmig: {
            id: error.id,
            message: error.shortMessage,
            hint: error.hint,
            ...(error.target !== undefined ? { target: error.target } : {}),
            ...(error.reason !== undefined ? { reason: error.reason } : {}),
          },
        }
      : {}),
  };
}

export function errorFromWire(wire: WireError): Error {
  const cause = wire.cause ? errorFromWire(wire.cause) : undefined;
  const definition = wire.pcmig ? registeredErrors().get(wire.pcmig.id) : undefined;
  if (wire.pcmig && definition) {
    const { id, ...details } = wire.pcmig;
    return new PcmigError(id, definition, { ...details, ...(cause ? { cause } : {}) });
  }
  const error = new Error(wire.message, cause ? { cause } : undefined);
  error.name = wire.name;
  if (wire.code !== undefined) Object.assign(error, { code: wire.code });
  return error;
}
