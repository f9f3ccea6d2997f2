import { psQuote, psStringArray } from './powershell-text.js';

export const MODULE_NAME = 'PersistentChatMigration';
/** Stable: a module's GUID identifies it across versions. */
export const MODULE_GUID = '6f0c1d2e-7a3b-4c5d-9e8f-0a1b2c3d4e5f';

/** PersistentChatMigration.psd1: Windows PowerShell 5.1 and PowerShell 7 (Desktop and Core). */
export function renderModuleManifest(version: string, functions: readonly string[]): string {
  return `@{
    RootModule = ${psQuote(`${MODULE_NAME}.psm1`)}
    ModuleVersion = ${psQuote(version.replace(/[-+].*$/, ''))}
    GUID = ${psQuote(MODULE_GUID)}
    Author = 'pcmig contributors'
    CompanyName = 'pcmig'
    Copyright = '(c) pcmig contributors. MIT License.'
    Description = 'Group Chat (Lync Server 2010, OCS 2007 R2) to Persistent Chat (Lync Server 2013, Skype for Business) migration with Microsoft''s cmdlet names. Generated from the pcmig cmdlet definitions; the cmdlets run in the pcmig host (Node.js 20 or later).'
    PowerShellVersion = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport = ${psStringArray(functions)}
    CmdletsToExport = @()
    VariablesToExport = @()
    AliasesToExport = @()
    PrivateData = @{
        PSData = @{
            Tags = @('Lync', 'SkypeForBusiness', 'PersistentChat', 'GroupChat', 'Migration')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
`;
}
