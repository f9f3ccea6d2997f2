/**
 * The module's internal functions (not exported): how a generated cmdlet function calls the pcmig
 * host and turns its records back into PowerShell output. Written against the PowerShell engine
 * and .NET only (no Microsoft.PowerShell.Utility/Management cmdlets), so that it runs on Windows
 * PowerShell 5.1 and PowerShell 7, and in hosts that carry only the engine.
 */
export const MODULE_RUNTIME = String.raw`
<#
    .SYNOPSIS
        Parses one JSON document into PowerShell values.

    .DESCRIPTION
        Objects become [pscustomobject] (properties in order), arrays object arrays, and
        {"$date": "<ISO 8601>"} a local [datetime]. Uses System.Text.Json on PowerShell 6 and later,
        and JavaScriptSerializer on Windows PowerShell 5.1 (ConvertFrom-Json differs between the two).

    .PARAMETER Json
        The JSON text.
#>
function ConvertFrom-PcmigJson
{
    [CmdletBinding()]
    [OutputType([System.Object])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Json
    )

    $toDate = {
        param ($Properties)

        if ($Properties.Count -eq 1 -and $Properties.Contains('$date'))
        {
            return [System.DateTime]::Parse($Properties['$date'], [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind).ToLocalTime()
        }

        return [pscustomobject] $Properties
    }

    if ($PSVersionTable.PSVersion.Major -ge 6)
    {
        $convert = {
            param ($Element)

            switch ($Element.ValueKind.ToString())
            {
                'Object'
                {
                    $properties = [ordered] @{}
                    foreach ($property in $Element.EnumerateObject())
                    {
                        $properties[$property.Name] = & $convert $property.Value
                    }

                    return & $toDate $properties
                }

                'Array'
                {
                    $items = [System.Collections.Generic.List[System.Object]]::new()
                    foreach ($item in $Element.EnumerateArray())
                    {
                        $items.Add((& $convert $item))
                    }

                    return , $items.ToArray()
                }

                'String'
                {
                    return $Element.GetString()
                }

                'Number'
                {
                    $integer = [System.Int64] 0
                    if ($Element.TryGetInt64([ref] $integer))
                    {
                        if ($integer -ge [System.Int32]::MinValue -and $integer -le [System.Int32]::MaxValue)
                        {
                            return [System.Int32] $integer
                        }

                        return $integer
                    }

                    return $Element.GetDouble()
                }

                'True'
                {
                    return $true
                }

                'False'
                {
                    return $false
                }

                default
                {
                    return $null
                }
            }
        }

        $document = [System.Text.Json.JsonDocument]::Parse($Json)
        try
        {
            return & $convert $document.RootElement
        }
        finally
        {
            $document.Dispose()
        }
    }

    if (-not $script:PcmigJsonSerializer)
    {
        $null = [System.Reflection.Assembly]::LoadWithPartialName('System.Web.Extensions')
        $script:PcmigJsonSerializer = [System.Web.Script.Serialization.JavaScriptSerializer]::new()
        $script:PcmigJsonSerializer.MaxJsonLength = [System.Int32]::MaxValue
        $script:PcmigJsonSerializer.RecursionLimit = 1024
    }

    $convert = {
        param ($Value)

        if ($Value -is [System.Collections.Generic.IDictionary[System.String, System.Object]])
        {
            $properties = [ordered] @{}
            foreach ($key in $Value.Keys)
            {
                $properties[$key] = & $convert $Value[$key]
            }

            return & $toDate $properties
        }

        if ($Value -is [System.Object[]])
        {
            $items = [System.Collections.Generic.List[System.Object]]::new()
            foreach ($item in $Value)
            {
                $items.Add((& $convert $item))
            }

            return , $items.ToArray()
        }

        return $Value
    }

    return & $convert $script:PcmigJsonSerializer.DeserializeObject($Json)
}

<#
    .SYNOPSIS
        Joins arguments into one command line that the process start-up splits back unchanged.

    .DESCRIPTION
        The quoting rules of CommandLineToArgvW, which .NET also applies on Unix when it splits
        ProcessStartInfo.Arguments; Windows PowerShell 5.1 has no ArgumentList to avoid them.

    .PARAMETER Argument
        The arguments, in order.
#>
function Join-PcmigCommandLine
{
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [System.String[]]
        $Argument
    )

    $backslash = [System.Char] 92
    $parts = foreach ($item in $Argument)
    {
        if ($item.Length -gt 0 -and $item -notmatch '[\s"]')
        {
            $item
            continue
        }

        $builder = [System.Text.StringBuilder]::new()
        $null = $builder.Append('"')
        $backslashes = 0
        foreach ($character in $item.ToCharArray())
        {
            if ($character -eq $backslash)
            {
                $backslashes++
                continue
            }

            if ($character -eq '"')
            {
                $null = $builder.Append($backslash, 2 * $backslashes + 1).Append('"')
            }
            else
            {
                $null = $builder.Append($backslash, $backslashes).Append($character)
            }

            $backslashes = 0
        }

        $null = $builder.Append($backslash, 2 * $backslashes).Append('"')
        $builder.ToString()
    }

    return ($parts -join ' ')
}

<#
    .SYNOPSIS
        Makes a PowerShell error record from a pcmig error record.

    .DESCRIPTION
        The record's stable id becomes the error id (so FullyQualifiedErrorId starts with it),
        its category the CategoryInfo, its target the TargetObject, its hint the
        RecommendedAction; the whole record stays in Exception.Data['PcmigErrorRecord'].

    .PARAMETER Record
        The error record of the host (id, category, message, shortMessage, hint, target, reason, cause).
#>
function New-PcmigErrorRecord
{
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Record
    )

    $exception = [System.Exception]::new([System.String] $Record.message)
    $exception.Data['PcmigErrorRecord'] = $Record

    $category = [System.Management.Automation.ErrorCategory]::NotSpecified
    if ([System.Enum]::IsDefined([System.Management.Automation.ErrorCategory], [System.String] $Record.category))
    {
        $category = [System.Enum]::Parse([System.Management.Automation.ErrorCategory], [System.String] $Record.category)
    }

    $target = $null
    if ($Record.PSObject.Properties['target'])
    {
        $target = $Record.target
    }

    $errorRecord = [System.Management.Automation.ErrorRecord]::new($exception, [System.String] $Record.id, $category, $target)
    $errorRecord.ErrorDetails = [System.Management.Automation.ErrorDetails]::new([System.String] $Record.shortMessage)
    $errorRecord.ErrorDetails.RecommendedAction = [System.String] $Record.hint

    return $errorRecord
}

<#
    .SYNOPSIS
        Makes an error record of the module's own (PCMIG-HOST-016, PCMIG-HOST-017).

    .DESCRIPTION
        The category and hint come from $script:PcmigModuleErrors, which the generator writes from
        the host's error catalog.

    .PARAMETER Id
        The stable error id.

    .PARAMETER Message
        What happened.
#>
function New-PcmigModuleErrorRecord
{
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Id,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Message
    )

    $definition = $script:PcmigModuleErrors[$Id]
    $record = [pscustomobject] @{
        id = $Id
        category = $definition.Category
        message = ('{0}: {1}' -f $Id, $Message)
        shortMessage = $Message
        hint = $definition.Hint
    }

    return (New-PcmigErrorRecord -Record $record)
}

<#
    .SYNOPSIS
        Runs one cmdlet in the pcmig host and replays its records in the calling cmdlet.

    .DESCRIPTION
        Starts "node pcmig.js <Cmdlet> ... --records" in the current location, reads one JSON record
        per line as it comes, and calls the caller's WriteObject, WriteVerbose, WriteWarning,
        WriteDebug, WriteProgress, WriteError or ShouldProcess (for What if lines). A terminating
        error record is raised with ThrowTerminatingError once the host has ended. Success is decided
        by the records and the exit code, never by text on standard error. Byte arrays travel as
        private temporary files that are deleted at once.

    .PARAMETER Cmdlet
        The $PSCmdlet of the calling function.

    .PARAMETER CommandName
        The cmdlet to run in the host.

    .PARAMETER ParameterType
        Parameter name to type, for the parameters the host knows.

    .PARAMETER BoundParameters
        The caller's $PSBoundParameters.

    .PARAMETER ExtraArgument
        Further host arguments (-WhatIf, -Confirm:$false, -Verbose, -Debug).

    .PARAMETER OutputTypeName
        The PSTypeName given to output objects.
#>
function Invoke-PcmigHost
{
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [System.String]
        $CommandName,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $ParameterType,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $BoundParameters,

        [Parameter()]
        [System.String[]]
        $ExtraArgument = @(),

        [Parameter()]
        [System.String]
        $OutputTypeName
    )

    $invariant = [System.Globalization.CultureInfo]::InvariantCulture
    $temporaryFiles = [System.Collections.Generic.List[System.String]]::new()
    $hostScript = $script:PcmigHostScript
    if ($env:PCMIG_HOST_SCRIPT)
    {
        $hostScript = $env:PCMIG_HOST_SCRIPT
    }

    if (-not [System.IO.File]::Exists($hostScript))
    {
        $Cmdlet.ThrowTerminatingError((New-PcmigModuleErrorRecord -Id 'PCMIG-HOST-016' -Message ('The pcmig host {0} does not exist.' -f $hostScript)))
    }

    $arguments = [System.Collections.Generic.List[System.String]]::new()
    $arguments.Add($hostScript)
    $arguments.Add($CommandName)

    foreach ($name in $ParameterType.Keys)
    {
        if (-not $BoundParameters.ContainsKey($name))
        {
            continue
        }

        $value = $BoundParameters[$name]
        switch ($ParameterType[$name])
        {
            { $_ -in 'SwitchParameter', 'Boolean' }
            {
                $text = '$false'
                if ([System.Boolean] $value)
                {
                    $text = '$true'
                }

                $arguments.Add(('-{0}:{1}' -f $name, $text))
            }

            'String[]'
            {
                $quoted = foreach ($element in $value)
                {
                    "'" + ([System.String] $element).Replace("'", "''") + "'"
                }

                $arguments.Add(('-{0}:' -f $name))
                $arguments.Add(($quoted -join ','))
            }

            'DateTime'
            {
                $arguments.Add(('-{0}:' -f $name))
                $arguments.Add(([System.DateTime] $value).ToString('o', $invariant))
            }

            'Int32'
            {
                $arguments.Add(('-{0}:' -f $name))
                $arguments.Add(([System.Int32] $value).ToString($invariant))
            }

            'Byte[]'
            {
                $file = [System.IO.Path]::GetTempFileName()
                $temporaryFiles.Add($file)
                [System.IO.File]::WriteAllBytes($file, [System.Byte[]] $value)
                $arguments.Add(('-{0}:' -f $name))
                $arguments.Add('@' + $file)
            }

            default
            {
                $arguments.Add(('-{0}:' -f $name))
                $arguments.Add([System.String] $value)
            }
        }
    }

    foreach ($extra in $ExtraArgument)
    {
        $arguments.Add($extra)
    }

    $arguments.Add('--records')

    $node = 'node'
    if ($env:PCMIG_NODE)
    {
        $node = $env:PCMIG_NODE
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new()
    $startInfo.FileName = $node
    $startInfo.Arguments = Join-PcmigCommandLine -Argument $arguments.ToArray()
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.StandardOutputEncoding = [System.Text.UTF8Encoding]::new($false)
    $startInfo.StandardErrorEncoding = [System.Text.UTF8Encoding]::new($false)
    $startInfo.WorkingDirectory = $Cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath

    $process = [System.Diagnostics.Process]::new()
    $process.StartInfo = $startInfo
    $terminatingRecord = $null
    $reportedExitCode = $null
    $started = $false

    try
    {
        try
        {
            $started = $process.Start()
        }
        catch
        {
            $Cmdlet.ThrowTerminatingError((New-PcmigModuleErrorRecord -Id 'PCMIG-HOST-016' -Message ('Cannot start "{0}" to run {1}: {2}' -f $node, $CommandName, $_.Exception.Message)))
        }

        $process.StandardInput.Close()
        $standardError = $process.StandardError.ReadToEndAsync()

        while ($null -ne ($line = $process.StandardOutput.ReadLine()))
        {
            if ($line.Length -eq 0)
            {
                continue
            }

            $record = ConvertFrom-PcmigJson -Json $line
            switch ($record.type)
            {
                'object'
                {
                    $value = $record.value
                    if ($OutputTypeName -and $value -is [System.Management.Automation.PSCustomObject])
                    {
                        $value.PSObject.TypeNames.Insert(0, $OutputTypeName)
                    }

                    $Cmdlet.WriteObject($value)
                }

                'bytes'
                {
                    $bytes = [System.IO.File]::ReadAllBytes($record.path)
                    [System.IO.File]::Delete($record.path)
                    [System.IO.Directory]::Delete([System.IO.Path]::GetDirectoryName($record.path))
                    if ($bytes.Length -ne $record.length)
                    {
                        $Cmdlet.ThrowTerminatingError((New-PcmigModuleErrorRecord -Id 'PCMIG-HOST-017' -Message ('{0} handed over {1} bytes; {2} were announced.' -f $CommandName, $bytes.Length, $record.length)))
                    }

                    # One Byte[] object, not a stream of bytes: Export-... -AsBytes | Import-... -ByteInput.
                    $Cmdlet.WriteObject($bytes, $false)
                }

                'verbose'
                {
                    $Cmdlet.WriteVerbose($record.message)
                }

                'debug'
                {
                    $Cmdlet.WriteDebug($record.message)
                }

                'warning'
                {
                    $Cmdlet.WriteWarning($record.message)
                }

                'progress'
                {
                    $status = [System.String] $record.status
                    if ($status.Length -eq 0)
                    {
                        $status = ' '
                    }

                    $progress = [System.Management.Automation.ProgressRecord]::new([System.Int32] $record.activityId, [System.String] $record.activity, $status)
                    $progress.ParentActivityId = [System.Int32] $record.parentActivityId
                    $progress.PercentComplete = [System.Int32] $record.percentComplete
                    $progress.SecondsRemaining = [System.Int32] $record.secondsRemaining
                    if ($record.completed)
                    {
                        $progress.RecordType = [System.Management.Automation.ProgressRecordType]::Completed
                    }

                    $Cmdlet.WriteProgress($progress)
                }

                'whatif'
                {
                    if ($record.PSObject.Properties['description'])
                    {
                        # A whole sentence: ShouldProcess(verboseDescription, verboseWarning, caption) prints "What if: <sentence>".
                        $null = $Cmdlet.ShouldProcess([System.String] $record.description, [System.String] $record.description, [System.String] $record.action)
                    }
                    else
                    {
                        $null = $Cmdlet.ShouldProcess([System.String] $record.target, [System.String] $record.action)
                    }
                }

                'error'
                {
                    $errorRecord = New-PcmigErrorRecord -Record $record.record
                    if ($record.terminating)
                    {
                        $terminatingRecord = $errorRecord
                    }
                    else
                    {
                        $Cmdlet.WriteError($errorRecord)
                    }
                }

                'end'
                {
                    $reportedExitCode = [System.Int32] $record.exitCode
                }
            }
        }

        $process.WaitForExit()
        $errorText = $standardError.GetAwaiter().GetResult()
        if ($errorText)
        {
            $Cmdlet.WriteVerbose(('pcmig host standard error: {0}' -f $errorText.Trim()))
        }

        if ($terminatingRecord)
        {
            $Cmdlet.ThrowTerminatingError($terminatingRecord)
        }

        if ($null -eq $reportedExitCode -or $reportedExitCode -ne $process.ExitCode)
        {
            $tail = $errorText
            if ($tail.Length -gt 2000)
            {
                $tail = $tail.Substring($tail.Length - 2000)
            }

            $Cmdlet.ThrowTerminatingError((New-PcmigModuleErrorRecord -Id 'PCMIG-HOST-017' -Message ('The pcmig host ended with exit code {0} without reporting a result for {1}. {2}' -f $process.ExitCode, $CommandName, $tail.Trim())))
        }
    }
    finally
    {
        # -ErrorAction Stop or Ctrl+C leave the loop early: the host must not outlive the command.
        if ($started -and -not $process.HasExited)
        {
            try
            {
                $process.Kill()
            }
            catch [System.InvalidOperationException]
            {
                $Cmdlet.WriteDebug(('The pcmig host had already ended: {0}' -f $_.Exception.Message))
            }
        }

        $process.Dispose()
        foreach ($file in $temporaryFiles)
        {
            [System.IO.File]::Delete($file)
        }
    }
}
`;
