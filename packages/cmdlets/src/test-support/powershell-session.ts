import type { ChildProcess } from 'node:child_process';
import { PowerShell } from 'node-powershell';

export interface ScriptResult {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One long-lived PowerShell driven by node-powershell (`pwsh -NoLogo -NoExit -Command -`), shared by
 * the tests of a file. node-powershell is known to hang, so every call has a time limit, after
 * which the session is killed and the test fails; dispose has one too. Scripts are sent as one
 * line (a base64 script block, dot-sourced into the session), which avoids both multi-line input
 * rules and quoting.
 */
export class PowerShellSession {
  private shell: PowerShell;
  private dead = false;

  private constructor(executable: string) {
    this.shell = new PowerShell({
      executable,
      executableOptions: { '-NoProfile': true, '-NonInteractive': true },
      throwOnInvocationError: false,
      invocationTimeout: 0,
    });
  }

  static async start(executable: string, prelude: string): Promise<PowerShellSession> {
    const session = new PowerShellSession(executable);
    await session.run(prelude, 120_000);
    return session;
  }

  async run(script: string, timeoutMs = 90_000): Promise<ScriptResult> {
    if (this.dead) throw new Error('The PowerShell session was killed after an earlier time-out.');
    const encoded = Buffer.from(script, 'utf8').toString('base64');
    const line = `. ([scriptblock]::Create([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${encoded}'))))`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PowerShell did not answer within ${timeoutMs} ms:\n${script}`)), timeoutMs);
    });
    try {
      const result = await Promise.race([this.shell.invoke(line), timeout]);
      return { stdout: result.stdout?.toString('utf8') ?? '', stderr: result.stderr?.toString('utf8') ?? '' };
    } catch (error) {
      this.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a script whose last output line is one JSON document (see TEST_PRELUDE's ConvertTo-TestJson) and parses it. */
  async json<T extends object>(script: string, timeoutMs?: number): Promise<T & { readonly $stderr: string; readonly $stdout: string }> {
    const result = await this.run(script, timeoutMs);
    const lines = result.stdout.trim().split('\n');
    const last = lines.at(-1) ?? '';
    try {
      return Object.assign(JSON.parse(last) as T, { $stderr: result.stderr, $stdout: result.stdout });
    } catch {
      throw new Error(`PowerShell did not end with JSON.\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
    }
  }

  async dispose(): Promise<void> {
    if (this.dead) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.shell.dispose(), new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    } catch {
      // The process may already be gone.
    } finally {
      clearTimeout(timer);
      this.kill();
    }
  }

  private kill(): void {
    this.dead = true;
    const child = (this.shell as unknown as { process: ChildProcess }).process;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/**
 * Helpers the tests' scripts use, written against the engine and .NET only (so they run in real
 * pwsh and in the minimal host alike): ConvertTo-TestJson turns hashtables, arrays and PowerShell
 * objects into plain .NET values and serialises them with System.Text.Json.
 */
export const TEST_PRELUDE = String.raw`
function ConvertTo-TestPlain
{
    param ($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.PSObject] -and -not ($Value.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject])) { $Value = $Value.PSObject.BaseObject }
    if ($Value -is [System.String] -or $Value -is [System.ValueType]) {
        if ($Value -is [System.DateTime]) { return $Value.ToUniversalTime().ToString('o') }
        if ($Value -is [System.Enum]) { return $Value.ToString() }
        return $Value
    }
    if ($Value -is [System.Collections.IDictionary]) {
        $result = [System.Collections.Generic.Dictionary[System.String, System.Object]]::new()
        foreach ($key in $Value.Keys) { $result[[System.String] $key] = ConvertTo-TestPlain $Value[$key] }
        return $result
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        $list = [System.Collections.Generic.List[System.Object]]::new()
        foreach ($item in $Value) { $list.Add((ConvertTo-TestPlain $item)) }
        return , $list.ToArray()
    }
    $result = [System.Collections.Generic.Dictionary[System.String, System.Object]]::new()
    foreach ($property in $Value.PSObject.Properties) { $result[$property.Name] = ConvertTo-TestPlain $property.Value }
    return $result
}
function ConvertTo-TestJson
{
    param ($Value)
    $plain = ConvertTo-TestPlain $Value
    if ($null -eq $plain) { return 'null' }
    [System.Text.Json.JsonSerializer]::Serialize($plain, $plain.GetType())
}
`;
