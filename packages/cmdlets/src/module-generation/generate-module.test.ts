import { describe, expect, it } from 'vitest';
import { HOST_ERROR_DEFINITIONS } from '../errors/host-error-definitions.js';
import { removeFixture, setFixture } from '../test-support/fixture-cmdlets.js';
import { generateModule } from './generate-module.js';
import { renderShouldProcessTarget } from '../host/should-process-gate.js';
import { shouldProcessTargetExpression } from './render-module-function.js';

const files = generateModule([setFixture, removeFixture], { version: '1.2.3-beta', hostScript: { relative: '../bin/pcmig.js' } });

describe('generateModule', () => {
  it('declares one advanced function per cmdlet with its binding, sets, types and validation attributes', () => {
    expect(files.psm1).toContain("[CmdletBinding(DefaultParameterSetName = 'Identity', SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]");
    expect(files.psm1).toContain("[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]");
    expect(files.psm1).toContain("        [Parameter(ParameterSetName = 'Identity', Mandatory = $true, Position = 0)]\n        [System.String]\n        $Identity,");
    expect(files.psm1).toContain("        [Parameter()]\n        [Alias('n')]\n        [ValidateLength(1, 10)]\n        [System.String]\n        $Name,");
    expect(files.psm1).toContain("[ValidateSet('Open', 'Closed')]");
    expect(files.psm1).toContain('[ValidateRange(0, 100)]\n        [System.Int32]\n        $Count = 5,');
    expect(files.psm1).toContain("[ValidatePattern('^[A-Z]{3}$')]");
    expect(files.psm1).toContain('[System.Byte[]]\n        $Data,');
    expect(files.psm1).toContain('[System.Management.Automation.SwitchParameter]\n        $Force');
    expect(files.psm1).toContain("[OutputType('Pcmig.Fixture')]");
  });

  it('writes comment-based help from the definition', () => {
    expect(files.psm1).toContain('function Set-PcmigFixture\n{\n    <#\n        .SYNOPSIS\n            Binding fixture.\n');
    expect(files.psm1).toContain('        .PARAMETER Kind\n            A kind.\n');
    expect(files.psm1).toContain('        .EXAMPLE\n            Set-PcmigFixture one -Count 3\n\n            Sets one.\n');
    expect(files.psm1).toContain('        .OUTPUTS\n            Pcmig.Fixture\n\n            The bound values.\n    #>\n');
  });

  it('asks ShouldProcess in PowerShell and tells the host not to ask again', () => {
    expect(files.psm1).toContain("if ($PSCmdlet.ShouldProcess(('{0}' -f ($Items -join ',')), 'Remove fixtures'))");
    expect(files.psm1).toContain("$extra.Add('-Confirm:$false')");
  });

  it('lets -Force suppress the confirmation, as the host does, unless -Confirm is given explicitly', () => {
    const skip = "        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm'))\n        {\n            $ConfirmPreference = 'None'\n        }\n";
    expect(files.psm1.split(skip)).toHaveLength(3);
    const withoutForce = generateModule([{ ...removeFixture, parameters: { Items: removeFixture.parameters.Items } }], { version: '1.0.0', hostScript: { relative: 'x.js' } });
    expect(withoutForce.psm1).not.toContain('$ConfirmPreference');
  });

  it('takes the errors it raises itself from the host catalog', () => {
    for (const id of ['PCMIG-HOST-016', 'PCMIG-HOST-017'] as const) {
      expect(files.psm1).toContain(`'${id}' = @{ Category = '${HOST_ERROR_DEFINITIONS[id].category}'; Hint = '${HOST_ERROR_DEFINITIONS[id].hint.replace(/'/g, "''")}' }`);
    }
  });

  it('uses only the engine and .NET: no cmdlet of Microsoft.PowerShell.Utility or .Management', () => {
    const forbidden = /\b(ConvertFrom-Json|ConvertTo-Json|Write-Output|Write-Progress|Write-Verbose|Write-Warning|Write-Error|Write-Host|Write-Debug|Out-String|Select-Object|New-Object|Get-Date|Join-Path|Split-Path|Test-Path|Remove-Item|Get-Content|Set-Content|Start-Process|Get-Variable|Sort-Object|Measure-Object)\b/;
    const code = files.psm1.replace(/<#[\s\S]*?#>/g, '').replace(/^\s*#.*$/gm, '');
    expect(code.match(forbidden)).toBeNull();
    expect(code).toContain('[System.Text.Json.JsonDocument]::Parse');
    expect(code).toContain('[System.Web.Script.Serialization.JavaScriptSerializer]::new()');
  });

  it('writes a manifest for Windows PowerShell 5.1 and PowerShell 7 with a plain version', () => {
    expect(files.psd1).toContain("ModuleVersion = '1.2.3'");
    expect(files.psd1).toContain("CompatiblePSEditions = @('Desktop', 'Core')");
    expect(files.psd1).toContain("FunctionsToExport = @('Set-PcmigFixture', 'Remove-PcmigFixture')");
    expect(files.psd1).toContain("PowerShellVersion = '5.1'");
  });
});

describe('shouldProcessTargetExpression', () => {
  it('turns {Parameter} placeholders into a -f expression and keeps literal braces', () => {
    expect(shouldProcessTargetExpression('{DBInstance}\\{DBName}')).toBe("('{0}\\{1}' -f ($DBInstance -join ','), ($DBName -join ','))");
    expect(shouldProcessTargetExpression("plain 'text'")).toBe("'plain ''text'''");
    expect(shouldProcessTargetExpression('{A} {0} {A}')).toBe("('{0} {{0}} {0}' -f ($A -join ','))");
  });

  it('gives a {Parameter|text} placeholder its text when the parameter is empty', () => {
    expect(shouldProcessTargetExpression("URI of {Pool|the pool's default} and {Pool}")).toBe(
      "('URI of {0} and {1}' -f $(if ($Pool) { $Pool -join ',' } else { 'the pool''s default' }), ($Pool -join ','))",
    );
  });
});

describe('renderShouldProcessTarget', () => {
  it('fills placeholders from the bound values, and a fallback text for a missing one', () => {
    expect(renderShouldProcessTarget('{A}\\{B|none} {C|x}', { A: ['a', 'b'], B: undefined, C: 'c' })).toBe('a,b\\none c');
    expect(renderShouldProcessTarget('{A}', {})).toBe('');
  });
});
