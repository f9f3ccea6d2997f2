using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace Pcmig.Pwsh;

/// <summary>
/// Text output like pwsh's console host with redirected streams: output, verbose, warning, debug and
/// information lines on stdout, errors on stderr. Progress is not drawn (pwsh does not draw it when
/// output is redirected either). Prompts are refused unless the host runs on an interactive console,
/// because standard input carries the statements in `-Command -` mode.
/// </summary>
internal sealed class HostUserInterface : PSHostUserInterface
{
    private readonly bool interactive;
    private readonly HostRawUserInterface raw = new();

    public HostUserInterface(bool interactive)
    {
        this.interactive = interactive;
    }

    public override PSHostRawUserInterface RawUI => raw;

    // The formatter decorates text with ANSI sequences ($PSStyle); like pwsh's console host, the host
    // removes them where they would be noise: output redirected to a pipe or file, or NO_COLOR set.
    private static readonly Regex Escapes = new(@"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\))", RegexOptions.Compiled);
    private static readonly bool NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    private static string ForOut(string value) => Console.IsOutputRedirected || NoColor ? Escapes.Replace(value, string.Empty) : value;
    private static string ForError(string value) => Console.IsErrorRedirected || NoColor ? Escapes.Replace(value, string.Empty) : value;

    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected && !NoColor;

    public override void Write(string value) => Console.Out.Write(ForOut(value));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(ForOut(value));
    public override void WriteLine(string value) => Console.Out.WriteLine(ForOut(value));
    public override void WriteErrorLine(string value) => Console.Error.WriteLine(ForError(value));
    public override void WriteDebugLine(string message) => Console.Out.WriteLine(ForOut("DEBUG: " + message));
    public override void WriteVerboseLine(string message) => Console.Out.WriteLine(ForOut("VERBOSE: " + message));
    public override void WriteWarningLine(string message) => Console.Out.WriteLine(ForOut("WARNING: " + message));
    public override void WriteInformation(InformationRecord record)
    {
        // Write-Host records (tagged PSHOST) are shown; other information records only when asked for.
        if (record.Tags.Contains("PSHOST")) Console.Out.WriteLine(ForOut(record.MessageData?.ToString() ?? string.Empty));
    }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }

    public override string ReadLine()
    {
        RequireInteractive();
        return Console.In.ReadLine() ?? string.Empty;
    }

    public override SecureString ReadLineAsSecureString()
    {
        RequireInteractive();
        var secure = new SecureString();
        foreach (var c in Console.In.ReadLine() ?? string.Empty) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        RequireInteractive();
        if (!string.IsNullOrEmpty(caption)) WriteLine(caption);
        if (!string.IsNullOrEmpty(message)) WriteLine(message);
        var answers = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            Write(field.Name + ": ");
            answers[field.Name] = PSObject.AsPSObject(Console.In.ReadLine() ?? string.Empty);
        }
        return answers;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        RequireInteractive();
        if (!string.IsNullOrEmpty(caption)) WriteLine(caption);
        if (!string.IsNullOrEmpty(message)) WriteLine(message);
        var labels = new List<string>();
        foreach (var choice in choices)
        {
            var label = choice.Label;
            var amp = label.IndexOf('&');
            var key = amp >= 0 && amp + 1 < label.Length ? label[amp + 1].ToString() : label[..1];
            labels.Add($"[{key}] {label.Replace("&", string.Empty)}");
        }
        while (true)
        {
            Write(string.Join("  ", labels) + $" (default is \"{choices[defaultChoice].Label.Replace("&", string.Empty)}\"): ");
            var answer = (Console.In.ReadLine() ?? string.Empty).Trim();
            if (answer.Length == 0) return defaultChoice;
            for (var i = 0; i < choices.Count; i++)
            {
                var label = choices[i].Label;
                var amp = label.IndexOf('&');
                var key = amp >= 0 && amp + 1 < label.Length ? label[amp + 1].ToString() : label[..1];
                if (string.Equals(answer, key, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(answer, label.Replace("&", string.Empty), StringComparison.OrdinalIgnoreCase)) return i;
            }
        }
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        RequireInteractive();
        if (string.IsNullOrEmpty(userName))
        {
            Write("User: ");
            userName = Console.In.ReadLine() ?? string.Empty;
        }
        Write("Password for user " + userName + ": ");
        return new PSCredential(userName, ReadLineAsSecureString());
    }

    private void RequireInteractive()
    {
        if (!interactive)
        {
            // The text pwsh -NonInteractive uses, so scripts see the same failure.
            throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
        }
    }
}
