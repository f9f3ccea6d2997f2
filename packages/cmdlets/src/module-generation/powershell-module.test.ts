import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parameterSetsOf } from '../definition/define-cmdlet.js';
import type { ParameterSpecs } from '../definition/parameter-spec.js';
import { readVersion } from '../host/read-version.js';
import { moduleCmdlets } from '../registry/command-registry.js';
import { defaultRegistry } from '../registry/default-registry.js';
import { buildDeploymentTemplate, copyDeployment, DEPLOYMENT_FIXTURE } from '../test-support/build-deployment.js';
import { buildEmptyTargetPool, buildLegacyFileStore, buildTargetPool, FIXTURE } from '../test-support/build-target-pool.js';
import { findPowerShell } from '../test-support/find-powershell.js';
import { PowerShellSession, TEST_PRELUDE } from '../test-support/powershell-session.js';
import { generateModule } from './generate-module.js';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT_MODULE = path.join(PACKAGE, 'dist/module/PersistentChatMigration.psd1');
const BUILT_SCRIPT = path.join(PACKAGE, 'dist/module/PersistentChatMigration.psm1');
const FIXTURE_HOST = path.join(PACKAGE, 'src/test-support/fixture-host.mjs');
const ps = (text: string) => `'${text.replace(/'/g, "''")}'`;

const found = findPowerShell();
if (found.available) console.info(`\n>>> PowerShell module tests run in: ${found.description}\n`);
else console.warn(`\n>>> PowerShell module tests SKIPPED: ${found.reason}\n`);

describe.skipIf(!found.available)(found.available ? `PowerShell module, in ${found.description}` : `PowerShell module — SKIPPED: ${found.reason}`, () => {
  let session: PowerShellSession;
  let dir: string;
  let fixtureModule: string;
  let deploymentTemplate: string;
  /** A fresh copy of the fixture deployment in <dir>/litwareinc, the folder the help examples name. */
  const freshDeployment = () => copyDeployment(deploymentTemplate, path.join(dir, DEPLOYMENT_FIXTURE.folderName));

  beforeAll(async () => {
    if (!found.available) return;
    for (const file of [BUILT_MODULE, BUILT_SCRIPT, path.join(PACKAGE, 'dist/bin/pcmig.js'), path.join(PACKAGE, 'dist/index.js')]) {
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: build the package first (npx nx run cmdlets:build).`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-ps-'));
    await buildTargetPool(path.join(dir, 'mgc.db'));
    await buildEmptyTargetPool(path.join(dir, 'mgc-target.db'));
    buildLegacyFileStore(path.join(dir, 'filestore-legacy'));
    await buildEmptyTargetPool(path.join(dir, 'pipeline-target.db'));
    deploymentTemplate = await buildDeploymentTemplate(dir);
    const { fixtureCmdlets } = (await import(FIXTURE_HOST)) as { fixtureCmdlets: Parameters<typeof generateModule>[0] };
    fixtureModule = path.join(dir, 'PcmigFixture.psm1');
    fs.writeFileSync(fixtureModule, generateModule(fixtureCmdlets, { version: '0.0.0', hostScript: { absolute: FIXTURE_HOST } }).psm1);
    session = await PowerShellSession.start(
      found.executable,
      `${TEST_PRELUDE}
Import-Module ${ps(BUILT_MODULE)}
Import-Module ${ps(fixtureModule)}
$null = $ExecutionContext.SessionState.Path.SetLocation(${ps(dir)})`,
    );
  }, 180_000);

  afterAll(async () => {
    await session?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);

  it("parses the generated modules with PowerShell's own parser, without a single error", async () => {
    const result = await session.json<Record<string, string[]>>(`
$report = @{}
foreach ($file in @(${ps(BUILT_SCRIPT)}, ${ps(BUILT_MODULE)}, ${ps(fixtureModule)})) {
    $tokens = $null; $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $tokens, [ref] $errors)
    $report[$file] = @($errors | ForEach-Object { $_.ToString() })
}
ConvertTo-TestJson $report`);
    for (const file of [BUILT_SCRIPT, BUILT_MODULE, fixtureModule]) expect(result[file], file).toEqual([]);
  }, 240_000);

  it('was built from the current cmdlet definitions', () => {
    const expected = generateModule(moduleCmdlets(defaultRegistry), { version: readVersion(), hostScript: { relative: '../bin/pcmig.js' } });
    const built = fs.readFileSync(BUILT_SCRIPT, 'utf8').replace(/^\uFEFF/, '');
    expect(built === expected.psm1, 'dist/module is stale: rebuild the package').toBe(true);
  }, 240_000);

  it('exports one advanced function per registered cmdlet, with the parameters, sets, aliases and validation of its definition', async () => {
    for (const definition of moduleCmdlets(defaultRegistry)) {
      const info = await session.json<{ Names: string[]; Sets: string[]; Default: string; Validate: Record<string, string[]>; Mandatory: string[] }>(`
$command = Get-Command ${definition.name}
$validate = @{}
$mandatory = @()
foreach ($parameter in $command.Parameters.Values) {
    foreach ($attribute in $parameter.Attributes) {
        if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { $validate[$parameter.Name] = @($attribute.ValidValues) }
        if ($attribute -is [System.Management.Automation.ParameterAttribute] -and $attribute.Mandatory) { $mandatory += ('{0}@{1}' -f $parameter.Name, $attribute.ParameterSetName) }
    }
}
ConvertTo-TestJson @{ Names = @($command.Parameters.Keys); Sets = @($command.ParameterSets | ForEach-Object { $_.Name }); Default = $command.DefaultParameterSet; Validate = $validate; Mandatory = $mandatory }`);
      const parameters = definition.parameters as ParameterSpecs;
      for (const name of Object.keys(parameters)) expect(info.Names, `${definition.name} -${name}`).toContain(name);
      expect(info.Names).toContain('Verbose');
      expect(info.Sets.sort()).toEqual(parameterSetsOf(definition).sort());
      expect(info.Default ?? null).toBe(definition.defaultParameterSet ?? null);
      for (const [name, spec] of Object.entries(parameters)) {
        if (spec.validateSet) expect(info.Validate[name], name).toEqual([...spec.validateSet]);
      }
      for (const [name, spec] of Object.entries(parameters)) {
        if (spec.mandatory === true) expect(info.Mandatory).toContain(`${name}@__AllParameterSets`);
        if (Array.isArray(spec.mandatory)) for (const set of spec.mandatory as string[]) expect(info.Mandatory).toContain(`${name}@${set}`);
      }
    }
  }, 240_000);

  it('gives each cmdlet a help page from its definition: synopsis, parameters and examples', async () => {
    for (const definition of moduleCmdlets(defaultRegistry)) {
      const [first, spec] = Object.entries(definition.parameters as ParameterSpecs)[0]!;
      const help = await session.json<{ Synopsis: string; Examples: string[]; Parameter: string }>(`
$help = Get-Help ${definition.name} -Full
ConvertTo-TestJson @{ Synopsis = $help.Synopsis; Examples = @($help.examples.example | ForEach-Object { $_.code }); Parameter = (($help.parameters.parameter | Where-Object { $_.name -eq '${first}' }).description | ForEach-Object { $_.Text }) -join ' ' }`);
      expect(help.Synopsis).toBe(definition.synopsis);
      expect(help.Examples).toEqual(definition.examples.map((e) => e.code));
      expect(help.Parameter.replace(/\s+/g, ' ')).toContain(spec.description.slice(0, 60));
    }
  }, 240_000);

  it('runs every example of every help page, successfully', async () => {
    let ran = 0;
    for (const definition of moduleCmdlets(defaultRegistry)) {
      const runnable = definition.examples.filter((e) => !e.requires);
      expect(runnable.length, `${definition.name} has a runnable example`).toBeGreaterThan(0);
      for (const example of runnable) {
        if ('Deployment' in definition.parameters) freshDeployment();
        const result = await session.json<{ Count: number; Errors: string[] }>(`
$Error.Clear()
$output = @(${example.code})
ConvertTo-TestJson @{ Count = $output.Count; Errors = @($Error | ForEach-Object { $_.FullyQualifiedErrorId }) }`);
        expect(result.Errors, example.code).toEqual([]);
        if (example.noOutput) expect(result.Count, example.code).toBe(0);
        else expect(result.Count, example.code).toBeGreaterThan(0);
        ran += 1;
      }
    }
    expect(ran).toBeGreaterThanOrEqual(35);
  }, 240_000);

  it('returns typed objects, one at a time, with the values the host read', async () => {
    const result = await session.json<{ Count: number; Type: string; Members: string[]; Tricky: string; Description: string; Category: string; Disabled: boolean }>(`
$rooms = @(Get-CsPersistentChatRoom -DBInstance mgc.db -Category IT)
$tricky = Get-CsPersistentChatRoom -DBInstance mgc.db -Identity ${ps(FIXTURE.trickyRoom)}
ConvertTo-TestJson @{ Count = $rooms.Count; Type = $rooms[0].PSObject.TypeNames[0]; Members = @($rooms | Where-Object Name -eq 'ITChatRoom' | ForEach-Object { $_.Members }); Tricky = $tricky.Name; Description = $tricky.Description; Category = $tricky.Category; Disabled = $tricky.Disabled }`);
    expect(result).toMatchObject({ Count: 2, Type: 'Pcmig.PersistentChat.ChatRoom', Tricky: FIXTURE.trickyRoom, Description: 'Quoting: \' " ` $ \\ , ;', Category: 'Sales', Disabled: false });
    expect(result.Members.sort()).toEqual([FIXTURE.groupDn, FIXTURE.users.ken, FIXTURE.users.pilar].sort());
  }, 240_000);

  it('forwards -Verbose, and turns progress records into Write-Progress', async () => {
    const result = await session.json<{ Verbose: string[]; Progress: number; Activity: string; Completed: boolean; Output: number }>(`
$iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
$nested = [powershell]::Create($iss)
$null = $nested.AddScript('$null = $ExecutionContext.SessionState.Path.SetLocation(${ps(dir).replace(/'/g, "''")}); Import-Module ${ps(BUILT_MODULE).replace(/'/g, "''")}; Get-CsPersistentChatRoom -DBInstance mgc.db -Verbose')
$output = $nested.Invoke()
$progress = @($nested.Streams.Progress)
$report = @{ Verbose = @($nested.Streams.Verbose | ForEach-Object { $_.Message }); Progress = $progress.Count; Activity = $progress[0].Activity; Completed = ($progress[-1].RecordType -eq 'Completed'); Output = $output.Count }
$nested.Dispose()
ConvertTo-TestJson $report`);
    expect(result.Output).toBe(FIXTURE.rooms.length);
    expect(result.Verbose.join('\n')).toMatch(/Reading .*mgc\.db \(pc2013/);
    expect(result.Progress).toBeGreaterThan(0);
    expect(result.Activity).toBe('Get-CsPersistentChatRoom');
    expect(result.Completed).toBe(true);
  }, 240_000);

  it("raises the host's error records with their stable ids: non-terminating with WriteError, terminating with ThrowTerminatingError", async () => {
    const result = await session.json<Record<string, string>>(`
$null = Get-CsPersistentChatRoom -DBInstance mgc.db -Identity NoSuchRoom -ErrorAction SilentlyContinue -ErrorVariable missing
$report = @{ NonTerminating = $missing[0].FullyQualifiedErrorId; Category = $missing[0].CategoryInfo.Category.ToString(); Target = $missing[0].TargetObject; Hint = $missing[0].ErrorDetails.RecommendedAction; Id = $missing[0].Exception.Data['PcmigErrorRecord'].id }
try { Get-CsPersistentChatCategory -DBInstance nothing-here.db; $report.Terminating = 'not thrown' } catch { $report.Terminating = $_.FullyQualifiedErrorId; $report.TerminatingCategory = $_.CategoryInfo.Category.ToString() }
try { Get-CsPersistentChatRoom -DBInstance mgc.db -Privacy Public } catch { $report.Binding = $_.FullyQualifiedErrorId }
ConvertTo-TestJson $report`);
    expect(result).toMatchObject({
      NonTerminating: 'PCMIG-HOST-020,Get-CsPersistentChatRoom',
      Category: 'ObjectNotFound',
      Target: 'NoSuchRoom',
      Id: 'PCMIG-HOST-020',
      Terminating: 'PCMIG-DB-002,Get-CsPersistentChatCategory',
      TerminatingCategory: 'ObjectNotFound',
      // PowerShell's own binding refuses a value outside the ValidateSet the definition declares.
      Binding: 'ParameterArgumentValidationError,Get-CsPersistentChatRoom',
    });
    expect(result.Hint).toContain('Identities are <Name>');
  }, 240_000);

  it('pipes Export-CsPersistentChatData -AsBytes into Import-CsPersistentChatData -ByteInput (-Force: no question) and Test-CsPersistentChatMigration', async () => {
    const result = await session.json<Record<string, unknown>>(`
$bytes = Export-CsPersistentChatData -DBInstance mgc.db -AsBytes
$plan = Import-CsPersistentChatData -ByteInput $bytes -DBInstance pipeline-target.db -WhatIf
$unrolled = $bytes | Import-CsPersistentChatData -DBInstance pipeline-target.db -WhatIf
$imported = Export-CsPersistentChatData -DBInstance mgc.db -AsBytes | Import-CsPersistentChatData -DBInstance pipeline-target.db -NoBackup -Force
$verified = Export-CsPersistentChatData -DBInstance mgc.db -AsBytes | Test-CsPersistentChatMigration -DBInstance pipeline-target.db
ConvertTo-TestJson @{ Type = $bytes.GetType().FullName; Zip = [System.Text.Encoding]::ASCII.GetString($bytes, 0, 2); Plan = $plan.Status; Unrolled = @($unrolled).Count; UnrolledStatus = $unrolled.Status; Imported = $imported.Status; Rooms = $imported.Rooms; Passed = $verified.Passed; Found = @(Get-CsPersistentChatRoom -DBInstance pipeline-target.db).Count }`);
    expect(result).toMatchObject({ Type: 'System.Byte[]', Zip: 'PK', Plan: 'what-if', Unrolled: 1, UnrolledStatus: 'what-if', Imported: 'imported', Rooms: FIXTURE.rooms.length, Passed: true, Found: FIXTURE.rooms.length });
  }, 240_000);

  it('carries a Byte[] across the PowerShell pipeline: Export -AsBytes | Import -ByteInput', async () => {
    const result = await session.json<{ Type: string; Length: number; Local: string; Piped: Record<string, unknown>; Sizes: number[]; Leftovers: number }>(`
$before = @([System.IO.Directory]::GetDirectories([System.IO.Path]::GetTempPath(), 'pcmig-bytes-*')).Count
$bytes = Export-PcmigTestBytes -Length 1048577 -AsBytes
$sha = [System.Security.Cryptography.SHA256]::Create()
$local = -join ($sha.ComputeHash($bytes) | ForEach-Object { $_.ToString('x2') })
$piped = Export-PcmigTestBytes -Length 1048577 -AsBytes | Import-PcmigTestBytes
$sizes = @(0, 1, 255) | ForEach-Object { (Export-PcmigTestBytes -Length $_ -AsBytes | Import-PcmigTestBytes).Length }
$after = @([System.IO.Directory]::GetDirectories([System.IO.Path]::GetTempPath(), 'pcmig-bytes-*')).Count
ConvertTo-TestJson @{ Type = $bytes.GetType().FullName; Length = $bytes.Length; Local = $local; Piped = $piped; Sizes = $sizes; Leftovers = $after - $before }`);
    expect(result.Type).toBe('System.Byte[]');
    expect(result.Length).toBe(1048577);
    expect(result.Piped).toMatchObject({ Length: 1048577, Sha256: result.Local });
    expect(result.Sizes).toEqual([0, 1, 255]);
    expect(result.Leftovers).toBe(0);
  }, 240_000);

  it('hands every parameter type to the host unchanged (quotes, backslashes, commas, dashes, Unicode, dates)', async () => {
    const text = `it's "quoted" \\ back\\\\slash\\ – ü 😀`;
    const result = await session.json<Record<string, unknown>>(`
$when = [System.DateTime]::new(2018, 1, 31, 8, 30, 15, [System.DateTimeKind]::Utc)
ConvertTo-TestJson (Test-PcmigTestBinding -Text ${ps(text)} -List 'a,b', "c'd", '-e', '', ' f ' -Number -5 -Flag $false -Switch -When $when -Choice beta)`);
    expect(result).toMatchObject({
      ParameterSet: 'Text',
      Text: text,
      List: ['a,b', "c'd", '-e', '', ' f '],
      Number: -5,
      Flag: false,
      Switch: true,
      When: '2018-01-31T08:30:15.000Z',
      Choice: 'Beta',
    });
    const dash = await session.json<Record<string, unknown>>(`ConvertTo-TestJson (Test-PcmigTestBinding '-not-a-parameter' -Switch:$false)`);
    expect(dash).toMatchObject({ Text: '-not-a-parameter', Switch: false, Bound: ['Switch', 'Text'] });
    const other = await session.json<Record<string, unknown>>(`ConvertTo-TestJson (Test-PcmigTestBinding -Other x)`);
    expect(other).toMatchObject({ ParameterSet: 'Other' });
  }, 240_000);

  it('decides ShouldProcess in PowerShell: -WhatIf runs nothing, -Confirm:$false runs, High impact asks (refused when non-interactive)', async () => {
    const whatIf = await session.run('Remove-PcmigTestItem one -WhatIf');
    expect(whatIf.stdout).toContain('What if: Performing the operation "Remove test item" on target "one".');
    expect(whatIf.stdout).not.toContain('Removed');
    const result = await session.json<Record<string, unknown>>(`
$report = @{ Confirmed = @('one', 'two' | Remove-PcmigTestItem -Confirm:$false | ForEach-Object { $_.Removed }) }
try { Remove-PcmigTestItem three; $report.Asked = 'not asked' } catch { $report.Asked = $_.Exception.Message }
ConvertTo-TestJson $report`);
    expect(result.Confirmed).toEqual(['one', 'two']);
    expect(String(result.Asked)).toMatch(/NonInteractive/i);
  }, 240_000);

  it("runs an engine WhatIf under -WhatIf: the cmdlet reports each item, PowerShell prints the What if lines", async () => {
    const run = await session.run('$whatIfOutput = @(Import-PcmigTestPlan p -Items a, b -WhatIf); "objects=" + $whatIfOutput.Count');
    expect(run.stdout).toContain('What if: Performing the operation "Import item" on target "a".');
    expect(run.stdout).toContain('What if: Performing the operation "Import item" on target "b".');
    expect(run.stdout).toContain('objects=0');
  }, 240_000);

  it('replays warnings, non-terminating errors (and -ErrorAction Stop) and terminating errors', async () => {
    const result = await session.json<Record<string, unknown>>(`
$report = @{}
$out = @(Import-PcmigTestPlan p -Items a, warn, bad, c -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue)
$report.Imported = @($out | ForEach-Object { $_.Imported })
$report.Warnings = @($warnings | ForEach-Object { $_.Message })
$report.Error = $failures[0].FullyQualifiedErrorId
$report.ErrorTarget = $failures[0].TargetObject
try { $stopped = @(); Import-PcmigTestPlan p -Items a, bad, c -ErrorAction Stop | ForEach-Object { $stopped += $_.Imported }; $report.Stop = 'not thrown' } catch { $report.Stop = $_.FullyQualifiedErrorId; $report.BeforeStop = $stopped }
try { Import-PcmigTestPlan p -Items a, fatal, c; $report.Fatal = 'not thrown' } catch { $report.Fatal = $_.FullyQualifiedErrorId; $report.FatalCategory = $_.CategoryInfo.Category.ToString() }
ConvertTo-TestJson $report`);
    expect(result).toMatchObject({
      Imported: ['a', 'warn', 'c'],
      Warnings: ['Item warn is odd.'],
      Error: 'PCMIG-HOST-020,Import-PcmigTestPlan',
      ErrorTarget: 'bad',
      Stop: 'PCMIG-HOST-020,Import-PcmigTestPlan',
      BeforeStop: ['a'],
      Fatal: 'PCMIG-HOST-022,Import-PcmigTestPlan',
      FatalCategory: 'OperationStopped',
    });
  }, 240_000);

  it('raises PCMIG-HOST-016 when node cannot start and PCMIG-HOST-017 when the host ends without its records', async () => {
    const crash = path.join(dir, 'crash.mjs');
    fs.writeFileSync(crash, "process.stderr.write('boom: the host fell over'); process.exit(7);\n");
    const result = await session.json<Record<string, string>>(`
$report = @{}
try { $env:PCMIG_NODE = ${ps(path.join(dir, 'no-such-node'))}; Get-CsPersistentChatAddin -DBInstance mgc.db } catch { $report.NoNode = $_.FullyQualifiedErrorId } finally { Remove-Item -ErrorAction Ignore Env:PCMIG_NODE 2>$null; [System.Environment]::SetEnvironmentVariable('PCMIG_NODE', $null) }
try { $env:PCMIG_HOST_SCRIPT = ${ps(crash)}; Get-CsPersistentChatAddin -DBInstance mgc.db } catch { $report.Crash = $_.FullyQualifiedErrorId; $report.Message = $_.Exception.Message } finally { [System.Environment]::SetEnvironmentVariable('PCMIG_HOST_SCRIPT', $null) }
$report.After = (Get-CsPersistentChatAddin -DBInstance mgc.db).Name
ConvertTo-TestJson $report`);
    expect(result).toMatchObject({ NoNode: 'PCMIG-HOST-016,Get-CsPersistentChatAddin', Crash: 'PCMIG-HOST-017,Get-CsPersistentChatAddin', After: FIXTURE.addin.name });
    expect(result.Message).toContain('exit code 7');
    expect(result.Message).toContain('boom: the host fell over');
  }, 240_000);
});
