import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../registry/default-registry.js';
import { defineCommand } from './command-definition.js';
import { defineCmdlet, definitionProblems, parameterSetsOf } from './define-cmdlet.js';

const base = {
  name: 'Get-PcmigThing',
  synopsis: 'Gets things.',
  description: 'Gets things.',
  confirmImpact: 'None' as const,
  examples: [{ code: 'Get-PcmigThing', remarks: 'All of them.' }],
  async run() {
    return undefined;
  },
};

describe('defineCmdlet', () => {
  it('accepts every registered cmdlet, each with examples and a synopsis', () => {
    for (const definition of defaultRegistry.cmdlets) {
      expect(definitionProblems(definition), definition.name).toEqual([]);
      expect(definition.examples.length).toBeGreaterThan(0);
    }
  });

  it('registers the read-only Get- cmdlets whose engine exists', () => {
    expect(defaultRegistry.cmdlets.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Get-CsPersistentChatCategory', 'Get-CsPersistentChatRoom', 'Get-CsPersistentChatAddin', 'Get-Help', 'Get-Command']),
    );
  });

  it('registers the endpoint, lookup-move, decommissioning and pool-service cmdlets, each with -Deployment and Microsoft\'s parameter names', () => {
    const byName = new Map(defaultRegistry.cmdlets.map((c) => [c.name, c]));
    const expected: Record<string, string[]> = {
      'New-CsPersistentChatEndpoint': ['SipAddress', 'PersistentChatPoolFqdn', 'DisplayName', 'PassThru', 'Deployment'],
      'Get-CsPersistentChatEndpoint': ['Identity', 'Filter', 'PersistentChatPoolFqdn', 'Deployment'],
      'Remove-CsPersistentChatEndpoint': ['Identity', 'Force', 'Deployment'],
      'Move-CsPersistentChatLookupUri': ['LegacyPoolFqdn', 'PersistentChatPoolFqdn', 'Deployment'],
      'Get-CsTrustedApplication': ['Identity', 'Deployment'],
      'Remove-CsTrustedApplication': ['Identity', 'Force', 'Deployment'],
      'Get-CsTrustedApplicationPool': ['Identity', 'Deployment'],
      'Remove-CsTrustedApplicationPool': ['Identity', 'Force', 'Deployment'],
      'Get-CsPersistentChatPool': ['Identity', 'Deployment'],
      'Stop-CsPersistentChatPoolService': ['PoolFqdn', 'PassThru', 'Deployment'],
      'Start-CsPersistentChatPoolService': ['PoolFqdn', 'PassThru', 'Deployment'],
      'Get-CsPersistentChatTopologyHistory': ['Deployment'],
    };
    for (const [name, parameters] of Object.entries(expected)) {
      const definition = byName.get(name);
      expect(definition, name).toBeDefined();
      expect(Object.keys(definition!.parameters), name).toEqual(parameters);
      expect(definition!.parameters.Deployment, name).toMatchObject({ extension: true, type: 'String' });
      // Everything that changes the directory or the topology supports -WhatIf; removals and the move ask first.
      expect(Boolean(definition!.shouldProcess), name).toBe(!name.startsWith('Get-'));
      if (/^(Remove|Move)-/.test(name)) expect(definition!.confirmImpact, name).toBe('High');
    }
    for (const name of ['Remove-CsPersistentChatEndpoint', 'Remove-CsTrustedApplication', 'Remove-CsTrustedApplicationPool']) {
      expect(byName.get(name)!.parameters.Identity, name).toMatchObject({ mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true });
    }
  });

  it('refuses broken definitions with every problem named', () => {
    expect(() =>
      defineCmdlet({
        ...base,
        name: 'getThing',
        parameters: {
          lower: { type: 'String', description: 'x' },
          Count: { type: 'Int32', validateSet: ['1'], aliases: ['c'], position: 0, description: 'x' },
          Code: { type: 'String', aliases: ['C', 'ea'], position: 0, description: 'x' },
          Flag: { type: 'SwitchParameter', mandatory: true, description: 'x' },
          Size: { type: 'String', validateRange: [0, 1], defaultValue: 3, description: 'x' },
          Verbose: { type: 'SwitchParameter', description: 'x' },
          Bad: { type: 'String', validatePattern: '(', description: 'x' },
        },
        shouldProcess: { action: 'x', target: '{Missing} {Gone|a default}' },
      }),
    ).toThrow(
      /name 'getThing' is not Verb-Noun[\s\S]*'lower' is not PascalCase[\s\S]*ValidateSet needs a String type[\s\S]*'C' of parameter Code clashes with parameter Count[\s\S]*'ea' of parameter Code clashes with common parameter ErrorAction[\s\S]*Code and Count share position 0[\s\S]*a switch is not positional[\s\S]*ValidateRange needs Int32[\s\S]*default value does not fit String[\s\S]*'Verbose' of parameter Verbose clashes[\s\S]*not a regular expression[\s\S]*unknown parameter \{Missing\}[\s\S]*unknown parameter \{Gone\}/,
    );
  });

  it('requires examples that use the cmdlet', () => {
    expect(() => defineCmdlet({ ...base, parameters: {}, examples: [] })).toThrow(/at least one example/);
    expect(() => defineCmdlet({ ...base, parameters: {}, examples: [{ code: 'Get-Other', remarks: 'x' }] })).toThrow(/does not use Get-PcmigThing/);
  });

  it("lists parameter sets with the default first, or PowerShell's implicit set", () => {
    expect(parameterSetsOf(defineCmdlet({ ...base, parameters: {} }))).toEqual(['__AllParameterSets']);
    const sets = defineCmdlet({
      ...base,
      defaultParameterSet: 'B',
      parameters: { X: { type: 'String', sets: ['A'], description: 'x' }, Y: { type: 'String', sets: ['B'], description: 'y' } },
    });
    expect(parameterSetsOf(sets)).toEqual(['B', 'A']);
  });
});

describe('defineCommand', () => {
  it('refuses broken command definitions', () => {
    expect(() =>
      defineCommand({
        name: 'Bad_Name',
        synopsis: 'x',
        description: 'x',
        options: { help: { type: 'flag', description: 'x' }, pick: { type: 'choice', description: 'x' }, a: { type: 'string', short: 'h', description: 'x' } },
        examples: [],
        async run() {},
      }),
    ).toThrow(/not lower-case kebab-case[\s\S]*example[\s\S]*--help is provided by the host[\s\S]*a choice needs choices[\s\S]*short name 'h'/);
  });
});
