import { defineCommand } from '../definition/command-definition.js';
import { defineCmdlet } from '../definition/define-cmdlet.js';
import { HostError } from '../errors/host-error.js';
import { createRegistry } from '../registry/create-registry.js';

/** What the fixture cmdlets ran, for tests that prove nothing ran. */
export const ran: string[] = [];

/** A cmdlet with every parameter type, two parameter sets sharing position 0, and every validation attribute. */
export const setFixture = defineCmdlet({
  name: 'Set-PcmigFixture',
  synopsis: 'Binding fixture.',
  description: 'Echoes what it was bound to.',
  defaultParameterSet: 'Identity',
  confirmImpact: 'Medium',
  shouldProcess: { action: 'Set fixture', target: '{Identity}{Instance}' },
  parameters: {
    Identity: { type: 'String', sets: ['Identity'], mandatory: ['Identity'], position: 0, description: 'By identity.' },
    Instance: { type: 'String', sets: ['Instance'], mandatory: ['Instance'], position: 0, description: 'By instance.' },
    Name: { type: 'String', aliases: ['n'], validateLength: [1, 10], description: 'A name.' },
    Names: { type: 'String[]', notNullOrEmpty: true, description: 'Names.' },
    Count: { type: 'Int32', validateRange: [0, 100], defaultValue: 5, description: 'A count.' },
    Enabled: { type: 'Boolean', description: 'On or off.' },
    Force: { type: 'SwitchParameter', description: 'No questions.' },
    Since: { type: 'DateTime', description: 'A date.' },
    Kind: { type: 'String', validateSet: ['Open', 'Closed'], description: 'A kind.' },
    Code: { type: 'String', validatePattern: '^[A-Z]{3}$', description: 'Three letters.' },
    Data: { type: 'Byte[]', description: 'Bytes.' },
    Description: { type: 'String', description: 'Text.' },
    Disabled: { type: 'Boolean', description: 'Off?' },
  },
  examples: [{ code: 'Set-PcmigFixture one -Count 3', remarks: 'Sets one.' }],
  outputs: { typeName: 'Pcmig.Fixture', description: 'The bound values.', view: 'list' },
  async run(values, context) {
    ran.push('Set-PcmigFixture');
    return {
      Set: context.parameterSetName,
      Bound: [...context.boundParameters].sort(),
      WhatIf: context.whatIf,
      ...values,
      Since: values.Since?.toISOString(),
      Data: values.Data ? Buffer.from(values.Data).toString('utf8') : undefined,
    };
  },
});

/** High impact, per-item ShouldProcess, errors, warnings, progress and bytes. */
export const removeFixture = defineCmdlet({
  name: 'Remove-PcmigFixture',
  synopsis: 'Stream fixture.',
  description: 'Removes items one by one.',
  confirmImpact: 'High',
  shouldProcess: { action: 'Remove fixtures', target: '{Items}' },
  parameters: {
    Items: { type: 'String[]', mandatory: true, position: 0, description: 'Items: "bad" fails, "warn" warns, "fatal" stops, "bytes" writes bytes.' },
    Force: { type: 'SwitchParameter', description: 'No confirmation.' },
  },
  examples: [{ code: 'Remove-PcmigFixture a,b -Confirm:$false', remarks: 'Removes a and b.' }],
  outputs: { typeName: 'Pcmig.Removed', description: 'Removed items.', view: 'table' },
  async run(values, context) {
    ran.push('Remove-PcmigFixture');
    for (const [index, item] of values.Items.entries()) {
      context.writeProgress({ activity: 'Removing', status: `${item}`, current: index, total: values.Items.length });
      if (item === 'warn') context.writeWarning(`${item} is odd`);
      if (item === 'bad') {
        context.writeError(new HostError('PCMIG-HOST-020', { message: `${item} cannot be removed.`, target: item }));
        continue;
      }
      if (item === 'fatal') throw new HostError('PCMIG-HOST-022', { message: `${item} stops everything.`, target: item });
      if (item === 'crash') throw new TypeError('undefined is not a function');
      if (item === 'bytes') {
        context.writeObject(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
        continue;
      }
      context.writeVerbose(`removing ${item}`);
      context.writeDebug(`debugging ${item}`);
      if (await context.shouldProcess(item, 'Remove item')) context.writeObject({ Removed: item, Index: index });
    }
    context.writeProgress({ activity: 'Removing', status: 'done', completed: true });
  },
});

export const rehearseFixture = defineCommand({
  name: 'fixture-command',
  synopsis: 'A non-cmdlet command.',
  description: 'Parses GNU-style options.',
  options: {
    size: { type: 'choice', choices: ['tiny', 'small'], defaultValue: 'tiny', description: 'How big.' },
    outDir: { type: 'path', short: 'o', description: 'Where.' },
    repeat: { type: 'integer', defaultValue: 1, description: 'How often.' },
    dryRun: { type: 'flag', description: 'Do nothing.' },
    exitWith: { type: 'integer', description: 'Exit code to return.' },
  },
  examples: [{ code: 'pcmig fixture-command --size small --out-dir /tmp/x', remarks: 'Runs.' }],
  async run(options, context) {
    ran.push('fixture-command');
    context.stdout.write(`${JSON.stringify(options)}\n`);
    if (options.exitWith === 99) throw new HostError('PCMIG-HOST-020', { message: 'fixture failure' });
    return options.exitWith;
  },
});

export const fixtureRegistry = createRegistry({ cmdlets: [setFixture, removeFixture], commands: [rehearseFixture] });
