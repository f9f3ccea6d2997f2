import { describe, expect, it } from 'vitest';
import { HostError } from '../errors/host-error.js';
import { removeFixture, setFixture } from '../test-support/fixture-cmdlets.js';
import { bindParameters } from './bind-parameters.js';
import { PendingBytes } from './pending-bytes.js';

const bind = (...args: string[]) => bindParameters(setFixture, args);

function bindError(...args: string[]): HostError {
  try {
    bind(...args);
  } catch (error) {
    if (error instanceof HostError) return error;
    throw error;
  }
  throw new Error(`binding ${args.join(' ')} succeeded`);
}

describe('parameter names', () => {
  it('are case-insensitive', () => {
    expect(bind('-identity', 'x', '-NAME', 'n1').values).toMatchObject({ Identity: 'x', Name: 'n1' });
  });

  it('may be abbreviated to a unique prefix (-DBI → -DBInstance style)', () => {
    expect(bind('x', '-Desc', 'text', '-Ki', 'open').values).toMatchObject({ Description: 'text', Kind: 'Open' });
  });

  it('prefer an exact name over a longer one it prefixes (-Name, not -Names)', () => {
    expect(bind('x', '-Name', 'a').values.Name).toBe('a');
  });

  it('refuse an ambiguous prefix, listing the matches (AmbiguousParameter)', () => {
    const error = bindError('x', '-D', 'y');
    expect(error.id).toBe('PCMIG-HOST-003');
    expect(error.shortMessage).toBe("Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -Data -Description -Disabled -Debug.");
    expect(bindError('x', '-Nam', 'y').shortMessage).toContain('-Name -Names');
  });

  it('accept aliases, the cmdlet\'s and the common parameters\' (-n, -wi, -cf, -ea, -vb, -db, -wa, -of)', () => {
    const result = bind('x', '-n', 'short', '-wi', '-cf:$false', '-ea', 'stop', '-vb', '-db', '-wa', 'silentlycontinue', '-of', 'json');
    expect(result.values.Name).toBe('short');
    expect(result.common).toMatchObject({ whatIf: true, confirm: false, errorAction: 'Stop', verbose: true, debug: true, warningAction: 'SilentlyContinue', outputFormat: 'Json' });
  });

  it('refuse an unknown name (NamedParameterNotFound), with a hint for PowerShell-only common parameters', () => {
    const error = bindError('x', '-Colour', 'red');
    expect(error.id).toBe('PCMIG-HOST-002');
    expect(error.shortMessage).toBe("A parameter cannot be found that matches parameter name 'Colour'.");
    expect(error.reason).toMatchObject({ powershellErrorId: 'NamedParameterNotFound' });
    expect(bindError('x', '-ErrorVariable', 'e').hint).toContain('PowerShell module');
  });

  it('do not offer -WhatIf/-Confirm to a cmdlet without ShouldProcess', () => {
    const binding = bindParameters(removeFixture, ['a', '-WhatIf']);
    expect(binding.common.whatIf).toBe(true);
    expect(() => bindParameters({ ...setFixture, shouldProcess: undefined }, ['x', '-WhatIf'])).toThrow(/matches parameter name 'WhatIf'/);
  });
});

describe('arguments', () => {
  it('take -Name value, -Name:value and -Name: value', () => {
    expect(bind('x', '-Name:a').values.Name).toBe('a');
    expect(bind('x', '-Name:', '-dash').values.Name).toBe('-dash');
    expect(bind('x', '-Description', 'with spaces and -dashes').values.Description).toBe('with spaces and -dashes');
  });

  it('treat a missing argument as MissingArgument (at the end, or followed by another parameter)', () => {
    for (const args of [['x', '-Name'], ['x', '-Name', '-Force']]) {
      const error = bindError(...args);
      expect(error.id).toBe('PCMIG-HOST-010');
      expect(error.shortMessage).toBe("Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again.");
    }
  });

  it('refuse a parameter given twice, by name or alias (ParameterAlreadyBound)', () => {
    expect(bindError('x', '-Name', 'a', '-n', 'b').id).toBe('PCMIG-HOST-009');
    expect(bindError('x', '-Verbose', '-vb').id).toBe('PCMIG-HOST-009');
  });

  it('end parameter parsing at --', () => {
    expect(bind('--', '-literal').values.Identity).toBe('-literal');
  });

  it('read negative numbers as values, not parameter names', () => {
    const error = bindError('x', '-Count', '-5');
    expect(error.id).toBe('PCMIG-HOST-006');
    expect(error.shortMessage).toBe(
      "Cannot validate argument on parameter 'Count'. The -5 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.",
    );
  });
});

describe('switches and Booleans', () => {
  it('set a switch by its presence, or -Switch:$true / -Switch:$false (true/false, 1/0 too)', () => {
    expect(bind('x', '-Force').values.Force).toBe(true);
    expect(bind('x').values.Force).toBe(false);
    expect(bind('x', '-Force:$false').values.Force).toBe(false);
    expect(bind('x', '-Force:false').values.Force).toBe(false);
    expect(bind('x', '-Force:1').values.Force).toBe(true);
  });

  it('do not let a switch take the next argument (-Force $false binds $false positionally)', () => {
    const error = bindError('x', '-Force', '$false');
    expect(error.id).toBe('PCMIG-HOST-008');
    expect(error.shortMessage).toBe("A positional parameter cannot be found that accepts argument '$false'.");
  });

  it('take $true/$false, true/false and 1/0 for Boolean parameters, and refuse anything else', () => {
    expect(bind('x', '-Enabled', '$true', '-Disabled:0').values).toMatchObject({ Enabled: true, Disabled: false });
    expect(bind('x', '-Enabled', 'FALSE').values.Enabled).toBe(false);
    const error = bindError('x', '-Enabled', 'yes');
    expect(error.id).toBe('PCMIG-HOST-005');
    expect(error.shortMessage).toBe(
      'Cannot process argument transformation on parameter \'Enabled\'. Cannot convert value "yes" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
    );
  });
});

describe('types', () => {
  it('split arrays at commas, across shell words, and keep quoted commas', () => {
    expect(bind('x', '-Names', 'a,b,c').values.Names).toEqual(['a', 'b', 'c']);
    expect(bind('x', '-Names', 'a,', 'b,', 'c').values.Names).toEqual(['a', 'b', 'c']);
    expect(bind('x', '-Names', "'Sales, EMEA',IT,\"say \"\"hi\"\"\"").values.Names).toEqual(['Sales, EMEA', 'IT', 'say "hi"']);
    expect(bind('x', '-Names', 'single').values.Names).toEqual(['single']);
    expect(bindError('x', '-Names', 'a,,b').id).toBe('PCMIG-HOST-005');
    expect(bindError('x', '-Names', "'open").shortMessage).toContain('missing the terminator');
  });

  it('convert Int32 (decimal and 0x hex) and refuse text and overflow', () => {
    expect(bind('x', '-Count', '0x10').values.Count).toBe(16);
    expect(bindError('x', '-Count', 'ten').shortMessage).toBe(
      'Cannot process argument transformation on parameter \'Count\'. Cannot convert value "ten" to type "System.Int32". Error: "The input string was not in a correct format."',
    );
    expect(bindError('x', '-Count', '3000000000').shortMessage).toContain('too large or too small for an Int32');
  });

  it('convert dates (ISO 8601 and M/d/yyyy, local time without a zone) and refuse impossible ones', () => {
    expect(bind('x', '-Since', '2018-01-31T08:30:00Z').values.Since).toEqual(new Date(Date.UTC(2018, 0, 31, 8, 30)));
    expect(bind('x', '-Since', '2018-01-31T08:30:00+02:00').values.Since).toEqual(new Date(Date.UTC(2018, 0, 31, 6, 30)));
    expect(bind('x', '-Since', '1/31/2018').values.Since).toEqual(new Date(2018, 0, 31));
    expect(bind('x', '-Since', '1/31/2018 8:30 PM').values.Since).toEqual(new Date(2018, 0, 31, 20, 30));
    for (const bad of ['2018-02-30', '13/1/2018', 'yesterday', '2018-01-31T25:00']) {
      expect(bindError('x', '-Since', bad).id, bad).toBe('PCMIG-HOST-005');
    }
  });

  it('take byte input as - (standard input) or @path, read after binding', () => {
    expect(bind('x', '-Data', '-').values.Data).toEqual(new PendingBytes('stdin'));
    expect(bind('x', '-Data', '@/tmp/in.zip').values.Data).toEqual(new PendingBytes('file', '/tmp/in.zip'));
    expect(bindError('x', '-Data', 'raw').id).toBe('PCMIG-HOST-005');
  });
});

describe('validation (ValidateSet, ValidateRange, ValidateLength, ValidatePattern, ValidateNotNullOrEmpty)', () => {
  it('matches a ValidateSet case-insensitively and binds the declared casing', () => {
    expect(bind('x', '-Kind', 'cLoSeD').values.Kind).toBe('Closed');
    const error = bindError('x', '-Kind', 'Public');
    expect(error.id).toBe('PCMIG-HOST-006');
    expect(error.shortMessage).toBe(
      'Cannot validate argument on parameter \'Kind\'. The argument "Public" does not belong to the set "Open,Closed" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
    );
    expect(error.reason).toMatchObject({ powershellErrorId: 'ParameterArgumentValidationError' });
  });

  it('applies range, length, pattern and not-null-or-empty', () => {
    expect(bindError('x', '-Count', '101').shortMessage).toContain('greater than the maximum allowed range of 100');
    expect(bindError('x', '-Name', 'elevenchars').shortMessage).toContain('too long');
    expect(bind('x', '-Code', 'abc').values.Code).toBe('abc');
    expect(bindError('x', '-Code', 'ab1').shortMessage).toContain('does not match the "^[A-Z]{3}$" pattern');
    expect(bindError('x', '-Names', '').shortMessage).toContain('null or empty');
    expect(bindError('x', '-ErrorAction', 'Maybe').id).toBe('PCMIG-HOST-006');
  });
});

describe('positions and parameter sets', () => {
  it('binds positional arguments in position order, in the default set when sets tie', () => {
    const result = bind('first');
    expect(result.parameterSetName).toBe('Identity');
    expect(result.values.Identity).toBe('first');
    expect(result.bound).toEqual(new Set(['Identity']));
  });

  it('resolves the set from the named parameters', () => {
    const result = bind('-Instance', 'inst', '-Force');
    expect(result.parameterSetName).toBe('Instance');
    expect(result.values).toMatchObject({ Instance: 'inst', Force: true });
    expect(result.values.Identity).toBeUndefined();
  });

  it('refuses parameters of different sets together (AmbiguousParameterSet)', () => {
    const error = bindError('-Identity', 'a', '-Instance', 'b');
    expect(error.id).toBe('PCMIG-HOST-007');
    expect(error.shortMessage).toBe(
      'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
    );
  });

  it('refuses a positional argument that no parameter of the remaining sets takes', () => {
    expect(bindError('-Instance', 'b', 'extra').id).toBe('PCMIG-HOST-008');
  });

  it('reports every missing mandatory parameter of the chosen set (MissingMandatoryParameter)', () => {
    const error = bindError('-Force');
    expect(error.id).toBe('PCMIG-HOST-004');
    expect(error.shortMessage).toBe('Cannot process command because of one or more missing mandatory parameters: Identity.');
  });

  it('fills defaults and absent switches in, and keeps them out of the bound set', () => {
    const result = bind('x');
    expect(result.values).toMatchObject({ Count: 5, Force: false });
    expect(result.bound.has('Count')).toBe(false);
  });
});
