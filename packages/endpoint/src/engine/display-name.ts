import { endpointErrors } from '../errors/endpoint-errors.js';

/** AD's displayName holds at most 256 characters. */
export const MAX_DISPLAY_NAME = 256;

export function validateDisplayName(value: string | undefined): string | null {
  if (value === undefined) return null;
  const fail = (why: string) => endpointErrors.create('PCMIG-EP-006', { message: `The display name '${value}' is invalid: ${why}.`, target: value });
  if (value.trim() === '') throw fail('it is empty');
  if ([...value].length > MAX_DISPLAY_NAME) throw fail(`it is longer than ${MAX_DISPLAY_NAME} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw fail('it holds control characters');
  return value;
}
