import type { ParameterSpec } from '../definition/parameter-spec.js';
import { HostError } from '../errors/host-error.js';

/**
 * PowerShell's validation attributes on one bound value (ValidateNotNullOrEmpty, ValidateSet,
 * ValidateLength, ValidatePattern, ValidateRange), with PowerShell's messages. The same attributes
 * are emitted into the PowerShell module, so both sides refuse the same values. A ValidateSet
 * match is case-insensitive and binds the value in the declared casing.
 */
export function validateArgument(name: string, spec: ParameterSpec, value: unknown): unknown {
  if (spec.type === 'String[]' && Array.isArray(value)) {
    if (spec.notNullOrEmpty && value.length === 0) throw invalid(name, value, 'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.');
    return value.map((element: string) => validateText(name, spec, element));
  }
  if (spec.type === 'String' && typeof value === 'string') return validateText(name, spec, value);
  if (spec.type === 'Int32' && typeof value === 'number' && spec.validateRange) {
    const [min, max] = spec.validateRange;
    if (value < min) throw invalid(name, value, `The ${value} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`);
    if (value > max) throw invalid(name, value, `The ${value} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`);
  }
  return value;
}

function validateText(name: string, spec: ParameterSpec, text: string): string {
  if (spec.notNullOrEmpty && text === '') {
    throw invalid(name, text, 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.');
  }
  if (spec.validateSet) {
    const canonical = spec.validateSet.find((allowed) => allowed.toLowerCase() === text.toLowerCase());
    if (canonical === undefined) {
      throw invalid(
        name,
        text,
        `The argument "${text}" does not belong to the set "${spec.validateSet.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
      );
    }
    text = canonical;
  }
  if (spec.validateLength) {
    const [min, max] = spec.validateLength;
    if ([...text].length < min) throw invalid(name, text, `The character length (${[...text].length}) of the argument is too short. Specify an argument with a length that is greater than or equal to "${min}", and then try the command again.`);
    if ([...text].length > max) throw invalid(name, text, `The character length of the ${[...text].length} argument is too long. Shorten the character length of the argument so it is fewer than or equal to "${max}" characters, and then try the command again.`);
  }
  if (spec.validatePattern !== undefined && !new RegExp(spec.validatePattern, 'i').test(text)) {
    throw invalid(name, text, `The argument "${text}" does not match the "${spec.validatePattern}" pattern. Supply an argument that matches "${spec.validatePattern}" and try the command again.`);
  }
  return text;
}

function invalid(name: string, value: unknown, detail: string): HostError {
  return new HostError('PCMIG-HOST-006', {
    message: `Cannot validate argument on parameter '${name}'. ${detail}`,
    target: name,
    reason: { parameter: name, value: Array.isArray(value) ? value : String(value), powershellErrorId: 'ParameterArgumentValidationError' },
  });
}
