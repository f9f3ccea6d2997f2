import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDeploymentTemplate, copyDeployment, DEPLOYMENT_FIXTURE as F } from '../test-support/build-deployment.js';
import { findPowerShell } from '../test-support/find-powershell.js';
import { PowerShellSession, TEST_PRELUDE } from '../test-support/powershell-session.js';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT_MODULE = path.join(PACKAGE, 'dist/module/PersistentChatMigration.psd1');
const ps = (text: string) => `'${text.replace(/'/g, "''")}'`;

const found = findPowerShell();
if (!found.available) console.warn(`\n>>> PowerShell endpoint module tests SKIPPED: ${found.reason}\n`);

/**
 * The endpoint, lookup-move and decommissioning cmdlets through the generated module, in real
 * PowerShell: objects, pipeline binding by value and by property name, -WhatIf lines, -Force,
 * ConfirmImpact High, and the engines' error ids in $Error.
 */
describe.skipIf(!found.available)(
  found.available ? `Endpoint cmdlets in the PowerShell module, in ${found.description}` : `Endpoint cmdlets in the PowerShell module — SKIPPED: ${found.reason}`,
  () => {
    let session: PowerShellSession;
    let dir: string;
    let template: string;

    beforeAll(async () => {
      if (!found.available) return;
      if (!fs.existsSync(BUILT_MODULE)) throw new Error(`${BUILT_MODULE} is missing: build the package first (npx nx run cmdlets:build).`);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-ps-endpoint-'));
      template = await buildDeploymentTemplate(dir);
      session = await PowerShellSession.start(
        found.executable,
        `${TEST_PRELUDE}
Import-Module ${ps(BUILT_MODULE)}
$null = $ExecutionContext.SessionState.Path.SetLocation(${ps(dir)})`,
      );
    }, 180_000);

    beforeEach(() => {
      copyDeployment(template, path.join(dir, F.folderName));
    });

    afterAll(async () => {
      await session?.dispose();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }, 240_000);

    it('creates, reads and removes endpoints: objects, -PassThru, -Filter, pipeline by value and by property name', async () => {
      const result = await session.json<Record<string, unknown>>(`
$new = New-CsPersistentChatEndpoint -SipAddress sip:chatrooms@litwareinc.com -PersistentChatPoolFqdn ${F.pcPool} -DisplayName 'Chat Rooms' -Deployment litwareinc -PassThru -WarningAction SilentlyContinue
$quiet = @(New-CsPersistentChatEndpoint -SipAddress sip:help@litwareinc.com -PersistentChatPoolFqdn ${F.pcPool} -Deployment litwareinc -WarningAction SilentlyContinue)
$all = @(Get-CsPersistentChatEndpoint -Deployment litwareinc)
$one = Get-CsPersistentChatEndpoint 'Chat Rooms' -Deployment litwareinc
$filtered = @(Get-CsPersistentChatEndpoint -Filter {SipAddress -like "sip:*@litwareinc.com" -and DisplayName -ne "Chat Rooms"} -Deployment litwareinc | ForEach-Object { $_.SipAddress })
Get-CsPersistentChatEndpoint -Filter {DisplayName -eq "Chat Rooms"} -Deployment litwareinc | Remove-CsPersistentChatEndpoint -Deployment litwareinc -Confirm:$false
'sip:help@litwareinc.com' | Remove-CsPersistentChatEndpoint -Deployment litwareinc -Force
ConvertTo-TestJson @{
    Type = $new.PSObject.TypeNames[0]; Names = @($new.PSObject.Properties | ForEach-Object { $_.Name }); SipAddress = $new.SipAddress; DisplayName = $new.DisplayName
    Pool = $new.PersistentChatPoolFqdn; Identity = $new.Identity; Quiet = $quiet.Count; All = $all.Count; One = $one.Identity; Filtered = $filtered
    After = @(Get-CsPersistentChatEndpoint -Deployment litwareinc | ForEach-Object { $_.SipAddress })
}`);
      expect(result).toMatchObject({
        Type: 'Pcmig.PersistentChat.Endpoint',
        Names: ['Identity', 'SipAddress', 'DisplayName', 'PersistentChatPoolFqdn', 'Enabled', 'Guid'],
        SipAddress: 'sip:chatrooms@litwareinc.com',
        DisplayName: 'Chat Rooms',
        Pool: F.pcPool,
        Quiet: 0,
        All: 3,
        After: [F.endpointUri],
      });
      expect(result.One).toBe(result.Identity);
      expect(String(result.Identity)).toMatch(/^CN=\{[0-9a-f-]{36}\},CN=Application Contacts,/i);
      expect((result.Filtered as string[]).sort()).toEqual(['sip:help@litwareinc.com', F.endpointUri]);
    }, 240_000);

    it('prints the engines\' What if lines: both steps of the move, the endpoint New- would create; nothing changes', async () => {
      const run = await session.run(`
$moved = @(Move-CsPersistentChatLookupUri -Deployment litwareinc -WhatIf)
$created = @(New-CsPersistentChatEndpoint -SipAddress sip:chatrooms@litwareinc.com -PersistentChatPoolFqdn ${F.pcPool} -Deployment litwareinc -PassThru -WhatIf -WarningAction SilentlyContinue)
"objects=" + ($moved.Count + $created.Count)
"endpoints=" + @(Get-CsPersistentChatEndpoint -Deployment litwareinc).Count`);
      const lines = run.stdout.split('\n').map((line) => line.trim());
      const whatIf = lines.filter((line) => line.startsWith('What if: '));
      expect(whatIf).toHaveLength(3);
      expect(whatIf[0]).toBe(`What if: Delete the Lookup Server user account ${F.lookupUserDn} (${F.lookupUri}) of Lync Server 2010 Group Chat pool ${F.legacyPool}.`);
      expect(whatIf[1]).toMatch(new RegExp(`^What if: Create the Persistent Chat endpoint CN=\\{[0-9a-f-]{36}\\},CN=Application Contacts,.+ with SIP address ${F.lookupUri} and display name "${F.lookupDisplayName}" on pool ${F.pcPool}\\.$`, 'i'));
      expect(whatIf[2]).toMatch(/^What if: Create the Persistent Chat endpoint .+ with SIP address sip:chatrooms@litwareinc\.com on pool /);
      expect(lines).toContain('objects=0');
      expect(lines).toContain('endpoints=1');
    }, 240_000);

    it('moves the lookup URI (ConfirmImpact High: refused without -Confirm:$false in a non-interactive session) and pipes the move into Get-', async () => {
      const result = await session.json<Record<string, unknown>>(`
$report = @{}
try { Move-CsPersistentChatLookupUri -Deployment litwareinc; $report.Asked = 'not asked' } catch { $report.Asked = $_.Exception.Message }
$moved = Move-CsPersistentChatLookupUri -Deployment litwareinc -Confirm:$false
$endpoint = $moved | Get-CsPersistentChatEndpoint -Deployment litwareinc
$report.Type = $moved.PSObject.TypeNames[0]; $report.RemovedUser = $moved.RemovedUser; $report.AlreadyMoved = $moved.AlreadyMoved
$report.Endpoint = $endpoint.SipAddress; $report.EndpointName = $endpoint.DisplayName; $report.Pool = $endpoint.PersistentChatPoolFqdn
ConvertTo-TestJson $report`);
      expect(String(result.Asked)).toMatch(/NonInteractive/i);
      expect(result).toMatchObject({
        Type: 'Pcmig.PersistentChat.LookupUriMove',
        RemovedUser: F.lookupUserDn,
        AlreadyMoved: false,
        Endpoint: F.lookupUri,
        EndpointName: F.lookupDisplayName,
        Pool: F.pcPool,
      });
    }, 240_000);

    it('raises the engines\' error ids: $Error[0].FullyQualifiedErrorId, category, hint, non-terminating and terminating', async () => {
      const result = await session.json<Record<string, string>>(`
$report = @{}
try { New-CsPersistentChatEndpoint -SipAddress ${F.lookupUri} -PersistentChatPoolFqdn ${F.pcPool} -Deployment litwareinc } catch { }
$report.InUse = $Error[0].FullyQualifiedErrorId; $report.InUseCategory = $Error[0].CategoryInfo.Category.ToString(); $report.InUseHint = $Error[0].ErrorDetails.RecommendedAction
$null = Get-CsPersistentChatEndpoint sip:nobody@litwareinc.com -Deployment litwareinc -ErrorAction SilentlyContinue
$report.Missing = $Error[0].FullyQualifiedErrorId
$null = Start-CsPersistentChatPoolService -PoolFqdn ${F.legacyPool} -Deployment litwareinc
try { Remove-CsTrustedApplication ${F.groupChatApplication} -Deployment litwareinc -Force } catch { $report.Running = $_.FullyQualifiedErrorId }
ConvertTo-TestJson $report`);
      expect(result).toMatchObject({
        InUse: 'PCMIG-EP-003,New-CsPersistentChatEndpoint',
        InUseCategory: 'ResourceExists',
        Missing: 'PCMIG-EP-004,Get-CsPersistentChatEndpoint',
        Running: 'PCMIG-TOPO-004,Remove-CsTrustedApplication',
      });
      expect(result.InUseHint).toContain(`is the Lookup Server account of Lync Server 2010 Group Chat pool ${F.legacyPool}`);
    }, 240_000);

    it('decommissions with -Force (an explicit -Confirm still asks) and binds pools by property name', async () => {
      const result = await session.json<Record<string, unknown>>(`
$report = @{}
try { Remove-CsTrustedApplication ${F.groupChatApplication} -Deployment litwareinc -Force -Confirm; $report.Asked = 'not asked' } catch { $report.Asked = $_.Exception.Message }
Get-CsTrustedApplication -Deployment litwareinc | Remove-CsTrustedApplication -Deployment litwareinc -Force -WarningAction SilentlyContinue
$report.Applications = @(Get-CsTrustedApplication -Deployment litwareinc).Count
$stopped = Get-CsPersistentChatPool -Deployment litwareinc | Where-Object { -not $_.Legacy } | Stop-CsPersistentChatPoolService -Deployment litwareinc -PassThru
$report.Stopped = $stopped.PoolFqdn; $report.Services = $stopped.Services
$report.History = @(Get-CsPersistentChatTopologyHistory -Deployment litwareinc | ForEach-Object { $_.Event })
ConvertTo-TestJson $report`);
      expect(String(result.Asked)).toMatch(/NonInteractive/i);
      expect(result).toMatchObject({
        Applications: 0,
        Stopped: F.pcPool,
        Services: 'stopped',
        History: ['service-state', 'trusted-application-removed', 'service-state'],
      });
    }, 240_000);
  },
);
