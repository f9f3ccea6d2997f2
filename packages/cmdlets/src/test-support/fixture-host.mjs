// A pcmig host with test-only cmdlets, run from the built package (dist), for the PowerShell tests
// of what the real cmdlets do not exercise yet: byte arrays across the PowerShell pipeline,
// argument transport of every parameter type, ShouldProcess with -WhatIf/-Confirm, an engine
// WhatIf run, warnings, progress, non-terminating and terminating errors.
import { createHash } from 'node:crypto';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createRegistry, defineCmdlet, HostError, runHost } from '../../dist/index.js';

export const fixtureCmdlets = [
  defineCmdlet({
    name: 'Export-PcmigTestBytes',
    synopsis: 'Writes a byte array (test fixture).',
    description: 'Writes Length bytes of a fixed pattern as one Byte[] object, like Export-CsPersistentChatData -AsBytes.',
    confirmImpact: 'None',
    parameters: {
      Length: { type: 'Int32', mandatory: true, validateRange: [0, 100000000], description: 'How many bytes.' },
      AsBytes: { type: 'SwitchParameter', description: 'Return the bytes.' },
    },
    examples: [{ code: 'Export-PcmigTestBytes -Length 3 -AsBytes', remarks: 'Three bytes.' }],
    outputs: { typeName: 'System.Byte[]', description: 'The bytes.', view: 'list' },
    async run(values, context) {
      const bytes = new Uint8Array(values.Length);
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7 + 3) & 0xff;
      context.writeObject(bytes);
    },
  }),
  defineCmdlet({
    name: 'Import-PcmigTestBytes',
    synopsis: 'Reads a byte array (test fixture).',
    description: 'Takes a Byte[] from the pipeline, like Import-CsPersistentChatData -ByteInput, and reports its length and SHA-256.',
    confirmImpact: 'None',
    parameters: {
      ByteInput: { type: 'Byte[]', mandatory: true, valueFromPipeline: true, description: 'The bytes.' },
    },
    examples: [{ code: 'Export-PcmigTestBytes -Length 3 -AsBytes | Import-PcmigTestBytes', remarks: 'Round trip.' }],
    outputs: { typeName: 'Pcmig.Test.BytesInfo', description: 'Length and Sha256.', view: 'list' },
    async run(values) {
      return { Length: values.ByteInput.length, Sha256: createHash('sha256').update(values.ByteInput).digest('hex') };
    },
  }),
  defineCmdlet({
    name: 'Test-PcmigTestBinding',
    synopsis: 'Echoes its parameters (test fixture).',
    description: 'Returns every bound value, to prove that the module hands each parameter type to the host unchanged.',
    defaultParameterSet: 'Text',
    confirmImpact: 'None',
    parameters: {
      Text: { type: 'String', position: 0, sets: ['Text'], description: 'A string.' },
      List: { type: 'String[]', description: 'Strings.' },
      Number: { type: 'Int32', description: 'A number.' },
      Flag: { type: 'Boolean', description: 'A Boolean.' },
      Switch: { type: 'SwitchParameter', description: 'A switch.' },
      When: { type: 'DateTime', description: 'A date.' },
      Choice: { type: 'String', validateSet: ['Alpha', 'Beta'], description: 'A choice.' },
      Other: { type: 'String', sets: ['Other'], mandatory: ['Other'], description: 'Selects the other set.' },
    },
    examples: [{ code: 'Test-PcmigTestBinding hello -List a,b', remarks: 'Echo.' }],
    outputs: { typeName: 'Pcmig.Test.Binding', description: 'The bound values.', view: 'list' },
    async run(values, context) {
      return {
        ParameterSet: context.parameterSetName,
        Bound: [...context.boundParameters].sort(),
        Text: values.Text ?? null,
        List: values.List ?? null,
        Number: values.Number ?? null,
        Flag: values.Flag ?? null,
        Switch: values.Switch,
        When: values.When ? values.When.toISOString() : null,
        Choice: values.Choice ?? null,
      };
    },
  }),
  defineCmdlet({
    name: 'Remove-PcmigTestItem',
    synopsis: 'Removes an item (test fixture).',
    description: 'A high-impact ShouldProcess cmdlet: PowerShell asks before it runs unless -Confirm:$false.',
    confirmImpact: 'High',
    shouldProcess: { action: 'Remove test item', target: '{Identity}' },
    parameters: {
      Identity: { type: 'String', mandatory: true, position: 0, valueFromPipeline: true, description: 'The item.' },
      Force: { type: 'SwitchParameter', description: 'No confirmation.' },
    },
    examples: [{ code: 'Remove-PcmigTestItem one -Confirm:$false', remarks: 'Removes one.' }],
    outputs: { typeName: 'Pcmig.Test.Removed', description: 'What was removed.', view: 'table' },
    async run(values) {
      return { Removed: values.Identity };
    },
  }),
  defineCmdlet({
    name: 'Import-PcmigTestPlan',
    synopsis: 'Imports items (test fixture).',
    description: 'Runs its own WhatIf (each item asks ShouldProcess), reports progress, warns on "warn", writes a non-terminating error on "bad" and stops with a terminating error on "fatal".',
    confirmImpact: 'Medium',
    shouldProcess: { action: 'Import test plan', target: '{Name}', whatIf: 'engine' },
    parameters: {
      Name: { type: 'String', mandatory: true, position: 0, description: 'The plan.' },
      Items: { type: 'String[]', mandatory: true, description: 'The items.' },
    },
    examples: [{ code: 'Import-PcmigTestPlan p -Items a,b -WhatIf', remarks: 'What would be imported.' }],
    outputs: { typeName: 'Pcmig.Test.Imported', description: 'What was imported.', view: 'table' },
    async run(values, context) {
      for (const [index, item] of values.Items.entries()) {
        context.writeProgress({ activity: 'Import-PcmigTestPlan', status: `Item ${index + 1} of ${values.Items.length}`, current: index, total: values.Items.length });
        if (item === 'warn') context.writeWarning(`Item ${item} is odd.`);
        if (item === 'bad') {
          context.writeError(new HostError('PCMIG-HOST-020', { message: `Item ${item} cannot be imported.`, target: item }));
          continue;
        }
        if (item === 'fatal') throw new HostError('PCMIG-HOST-022', { message: `Item ${item} stops the import.`, target: item });
        context.writeVerbose(`Importing ${item}.`);
        if (await context.shouldProcess(item, 'Import item')) context.writeObject({ Imported: item, Plan: values.Name });
      }
      context.writeProgress({ activity: 'Import-PcmigTestPlan', status: 'Done', completed: true });
    },
  }),
];

export const fixtureRegistry = createRegistry({ cmdlets: fixtureCmdlets, commands: [] });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
  process.exitCode = await runHost(process.argv.slice(2), io, { registry: fixtureRegistry });
}
