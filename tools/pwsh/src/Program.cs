using System;
using System.Management.Automation.Language;
using System.Text;

namespace Pcmig.Pwsh;

/// <summary>
/// pcmig's minimal PowerShell console host. Entry modes: `-Command -` (statements from stdin, the
/// way node-powershell drives pwsh), `-Command text`, `-File path [args]`, and a bare prompt on an
/// interactive console.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 64;
        }
        if (line.ShowHelp)
        {
            Console.Out.Write(CommandLine.Usage);
            return 0;
        }
        var version = typeof(System.Management.Automation.PowerShell).Assembly.GetName().Version;
        if (line.ShowVersion)
        {
            Console.Out.WriteLine($"PowerShell {System.Management.Automation.PSVersionInfo.PSVersion} (pcmig minimal host, SMA {version})");
            return 0;
        }

        var interactive = !line.NonInteractive && !line.ReadsStandardInput && !Console.IsInputRedirected;
        var host = new MinimalHost(interactive);
        using var runner = new ScriptRunner(host);

        if (line.File is not null)
        {
            runner.Run(string.Empty, ps => ps.AddScript(FileInvocation(line.File, line.FileArguments)));
            if (runner.ExitRequested is int fileExit) return fileExit;
            if (!line.NoExit) return runner.LastSucceeded ? 0 : 1;
        }
        else if (line.Command is not null && line.Command != "-")
        {
            runner.Run(line.Command);
            if (runner.ExitRequested is int commandExit) return commandExit;
            if (!line.NoExit) return runner.LastSucceeded ? 0 : 1;
        }
        return ReadEvalLoop(runner, interactive);
    }

    /// <summary>Reads statements line by line; a statement whose parse is incomplete continues on the next line.</summary>
    private static int ReadEvalLoop(ScriptRunner runner, bool interactive)
    {
        var buffer = new StringBuilder();
        while (true)
        {
            if (interactive) Console.Out.Write(buffer.Length == 0 ? $"PS {Environment.CurrentDirectory}> " : ">> ");
            var text = Console.In.ReadLine();
            if (text is null)
            {
                if (buffer.Length > 0) runner.Run(buffer.ToString());
                break;
            }
            buffer.AppendLine(text);
            var script = buffer.ToString();
            Parser.ParseInput(script, out _, out var errors);
            var incomplete = errors.Length > 0 && Array.TrueForAll(errors, e => e.IncompleteInput);
            if (incomplete && text.Trim().Length > 0) continue;
            buffer.Clear();
            if (script.Trim().Length == 0) continue;
            runner.Run(script);
            if (runner.ExitRequested is int code) return code;
        }
        return runner.ExitRequested ?? (runner.LastSucceeded ? 0 : 1);
    }

    /// <summary>`& 'path' args…`: arguments that look like -Name stay parameter names, the rest are quoted literals.</summary>
    private static string FileInvocation(string path, System.Collections.Generic.IEnumerable<string> arguments)
    {
        var script = new StringBuilder("& ").Append(Quote(path));
        foreach (var argument in arguments)
        {
            script.Append(' ');
            var isParameterName = argument.Length > 1 && argument[0] == '-' && (char.IsLetter(argument[1]) || argument[1] == '_');
            script.Append(isParameterName ? argument : Quote(argument));
        }
        return script.ToString();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
