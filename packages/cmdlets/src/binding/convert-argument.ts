import type { ParameterSpec, ParameterType } from '../definition/parameter-spec.js';
import { HostError } from '../errors/host-error.js';
import { parseDateArgument } from './parse-date-argument.js';
import { PendingBytes } from './pending-bytes.js';
import { splitArrayArgument } from './split-array-argument.js';

const DOTNET_TYPE: Readonly<Record<ParameterType, string>> = {
  String: 'System.String',
  'String[]': 'System.String[]',
  Int32: 'System.Int32',
  Boolean: 'System.Boolean',
  SwitchParameter: 'System.Management.Automation.SwitchParameter',
  DateTime: 'System.DateTime',
  'Byte[]': 'System.Byte[]',
};

export function dotnetTypeName(type: ParameterType): string {
  return DOTNET_TYPE[type];
}

/** $true/$false as PowerShell writes them, plus true/false and 1/0 for shells where $ is special. */
export function parseBooleanText(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (key === '$true' || key === 'true' || key === '1') return true;
  if (key === '$false' || key === 'false' || key === '0') return false;
  return undefined;
}

/**
 * Converts one command-line argument to the parameter's type (PowerShell's argument
 * transformation). Failures are PCMIG-HOST-005 with PowerShell's wording.
 */
export function convertArgument(name: string, spec: ParameterSpec, text: string): unknown {
  const fail = (detail: string) =>
    new HostError('PCMIG-HOST-005', {
      message: `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${text}" to type "${DOTNET_TYPE[spec.type]}". ${detail}`,
      target: name,
      reason: { parameter: name, value: text, type: DOTNET_TYPE[spec.type], powershellErrorId: 'ParameterArgumentTransformationError' },
    });
  switch (spec.type) {
    case 'String':
      return text;
    case 'String[]': {
      const split = splitArrayArgument(text);
      if ('error' in split) throw fail(`Error: "${split.error}"`);
      return split.elements;
    }
    case 'Int32': {
      const trimmed = text.trim();
      let value: number;
      if (/^[+-]?\d+$/.test(trimmed)) value = Number(trimmed);
      else if (/^0x[0-9a-f]+$/i.test(trimmed)) value = Number.parseInt(trimmed.slice(2), 16);
      else throw fail('Error: "The input string was not in a correct format."');
      if (!Number.isSafeInteger(value) || value < -2_147_483_648 || value > 2_147_483_647) throw fail('Error: "Value was either too large or too small for an Int32."');
      return value;
    }
    case 'Boolean':
    case 'SwitchParameter': {
      const value = parseBooleanText(text);
      if (value === undefined) throw fail('Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.');
      return value;
    }
    case 'DateTime': {
      const value = parseDateArgument(text);
      if (!value) throw fail('Error: "String was not recognized as a valid DateTime." Use yyyy-MM-dd[THH:mm[:ss]][Z] or M/d/yyyy [h:mm[:ss] [AM|PM]].');
      return value;
    }
    case 'Byte[]': {
      if (text === '-') return new PendingBytes('stdin');
      if (text.startsWith('@') && text.length > 1) return new PendingBytes('file', text.slice(1));
      throw fail('Give - to read the bytes from standard input, or @<path> to read them from a file.');
    }
  }
}
