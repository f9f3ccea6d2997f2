using System;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Pcmig.Pwsh;

/// <summary>
/// Runs statements in one runspace, as pwsh's console host does: output through Out-Default
/// (the engine's own formatter), errors on stderr, `$?` tracked for the exit code.
/// </summary>
internal sealed class ScriptRunner : IDisposable
{
    private readonly MinimalHost host;
    private readonly Runspace runspace;

    public ScriptRunner(MinimalHost host)
    {
        this.host = host;
        var state = InitialSessionState.CreateDefault2();
        runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
    }

    public bool LastSucceeded { get; private set; } = true;

    public int? ExitRequested => host.ExitCode;

    /// <summary>Runs one script text; returns whether it completed without a terminating error.</summary>
    public bool Run(string script, Action<PowerShell>? configure = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        if (configure is null) ps.AddScript(script);
        else configure(ps);
        ps.AddCommand("Out-Default");
        // Error records are written as they happen, so that they interleave with output the way they occur.
        ps.Streams.Error.DataAdded += (sender, e) =>
        {
            var record = ((PSDataCollection<ErrorRecord>)sender!)[e.Index];
            WriteError(record);
        };
        try
        {
            ps.Invoke();
            LastSucceeded = !ps.HadErrors;
        }
        catch (RuntimeException ex)
        {
            // `exit N` surfaces as an exception after SetShouldExit; it is not an error.
            if (host.ExitCode is not null && ex.GetType().Name == "ExitException") return true;
            RecordTerminatingError(ex.ErrorRecord);
            WriteError(ex.ErrorRecord);
            LastSucceeded = false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var record = new ErrorRecord(ex, ex.GetType().Name, ErrorCategory.NotSpecified, null);
            RecordTerminatingError(record);
            WriteError(record);
            LastSucceeded = false;
        }
        return LastSucceeded;
    }

    /// <summary>Adds a terminating error to $Error, as the console host does for errors that end a statement.</summary>
    private void RecordTerminatingError(ErrorRecord record)
    {
        if (runspace.SessionStateProxy.GetVariable("global:Error") is ArrayList errors && (errors.Count == 0 || !ReferenceEquals(errors[0], record)))
        {
            errors.Insert(0, record);
        }
    }

    private static void WriteError(ErrorRecord record)
    {
        // pwsh's ConciseView: "<command>: <message>" for command errors, the message otherwise.
        var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? record.ToString();
        var command = record.InvocationInfo?.MyCommand?.Name;
        var text = string.IsNullOrEmpty(command) || record.CategoryInfo.Category == ErrorCategory.ParserError ? message : $"{command}: {message}";
        Console.Error.WriteLine(text);
    }

    public void Dispose()
    {
        runspace.Dispose();
    }
}
