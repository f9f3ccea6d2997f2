using System;
using System.Collections.Generic;

namespace Pcmig.Pwsh;

/// <summary>What to run, parsed from pwsh's own command-line syntax (the subset pcmig needs).</summary>
internal sealed class CommandLine
{
    public bool NoExit { get; private set; }
    public bool NonInteractive { get; private set; }
    public bool ShowVersion { get; private set; }
    public bool ShowHelp { get; private set; }
    /// <summary>Script text for -Command; "-" means: read statements from standard input.</summary>
    public string? Command { get; private set; }
    public string? File { get; private set; }
    public List<string> FileArguments { get; } = new();

    public bool ReadsStandardInput => Command == "-" || (Command is null && File is null && Console.IsInputRedirected);

    /// <summary>Parses pwsh's parameters: case-insensitive, unique prefixes, '-' or '/' leaders, -Command swallows the rest.</summary>
    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!(arg.StartsWith('-') || arg.StartsWith('/')) || arg.Length < 2)
            {
                // pwsh treats a leading bare argument as the script file.
                line.File = arg;
                line.FileArguments.AddRange(args[(i + 1)..]);
                break;
            }
            var name = arg.TrimStart('-', '/').ToLowerInvariant();
            if (Matches(name, "command", 1) || name == "c")
            {
                if (i + 1 >= args.Length) throw new ArgumentException("Missing argument for parameter -Command.");
                line.Command = string.Join(' ', args[(i + 1)..]);
                break;
            }
            if (Matches(name, "file", 1) || name == "f")
            {
                if (i + 1 >= args.Length) throw new ArgumentException("Missing argument for parameter -File.");
                line.File = args[i + 1];
                line.FileArguments.AddRange(args[(i + 2)..]);
                break;
            }
            if (Matches(name, "noexit", 3)) line.NoExit = true;
            else if (Matches(name, "noninteractive", 4)) line.NonInteractive = true;
            else if (Matches(name, "version", 1) || name == "v") line.ShowVersion = true;
            else if (name is "?" or "h" or "help") line.ShowHelp = true;
            else if (Matches(name, "nologo", 3) || Matches(name, "noprofile", 3)) { /* no logo, no profiles: always */ }
            else if (Matches(name, "executionpolicy", 2) || name == "ep" || Matches(name, "inputformat", 2) || Matches(name, "outputformat", 2)
                     || Matches(name, "windowstyle", 2) || Matches(name, "workingdirectory", 2) || name == "wd")
            {
                // Accepted for compatibility and ignored: Unix has no execution policy; text is the only format here.
                if (Matches(name, "workingdirectory", 2) || name == "wd")
                {
                    if (i + 1 < args.Length) Environment.CurrentDirectory = args[i + 1];
                }
                i++;
            }
            else throw new ArgumentException($"Unknown parameter '{arg}'. Run 'pwsh -Help' for the parameters this host accepts.");
        }
        return line;
    }

    private static bool Matches(string given, string full, int minimum) =>
        given.Length >= minimum && full.StartsWith(given, StringComparison.Ordinal);

    public const string Usage =
        "pwsh (pcmig's minimal PowerShell host on System.Management.Automation)\n\n" +
        "  pwsh [-NoLogo] [-NoProfile] [-NonInteractive] [-NoExit] -Command <text> | -Command -\n" +
        "  pwsh [-NoLogo] [-NoProfile] [-NonInteractive] -File <path> [arguments]\n" +
        "  pwsh -Version\n\n" +
        "-Command - reads statements from standard input, one per line (a statement may span lines).\n";
}
