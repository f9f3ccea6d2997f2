using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace Pcmig.Pwsh;

/// <summary>The PSHost the engine talks to: identity, UI and the exit request of `exit N`.</summary>
internal sealed class MinimalHost : PSHost
{
    private readonly HostUserInterface ui;
    private readonly Guid instanceId = Guid.NewGuid();

    public MinimalHost(bool interactive)
    {
        ui = new HostUserInterface(interactive);
    }

    public int? ExitCode { get; private set; }

    public override string Name => "pcmig-pwsh";
    public override Version Version => typeof(System.Management.Automation.PowerShell).Assembly.GetName().Version ?? new Version(0, 0);
    public override Guid InstanceId => instanceId;
    public override PSHostUserInterface UI => ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

    public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported by this host.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported by this host.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}
