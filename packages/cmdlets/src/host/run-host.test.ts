import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureRegistry, ran } from '../test-support/fixture-cmdlets.js';
import { runHostInMemory, type HostRunOptions } from '../test-support/run-host-in-memory.js';
import { EXIT_CODES } from './exit-codes.js';

const run = (args: string[], options: HostRunOptions = {}) => runHostInMemory(args, { registry: fixtureRegistry, ...options });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-host-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  ran.length = 0;
});

describe('dispatch', () => {
  it('prints the usage for --help and for no arguments', async () => {
    for (const args of [['--help'], [], ['-h'], ['-?']]) {
      const result = await run(args);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Usage:');
      expect(result.stdout).toContain('Set-PcmigFixture');
      expect(result.stdout).toContain('fixture-command');
      expect(result.stdout).toContain('Exit codes: 0 done, 1 done with errors, 2 stopped by an error, 3 command line refused');
    }
  });

  it('prints the version', async () => {
    const result = await run(['--version']);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('suggests the nearest names for an unknown cmdlet (exit 3, nothing runs)', async () => {
    const result = await run(['Set-PcmigFixtur', 'x']);
    expect(result.exitCode).toBe(EXIT_CODES.commandLineRejected);
    expect(result.stderr).toContain("The term 'Set-PcmigFixtur' is not recognized as a name of a cmdlet, function, script file, or executable program. Did you mean: Set-PcmigFixture?");
    expect(result.stderr).toContain('FullyQualifiedErrorId : PCMIG-HOST-001,pcmig');
    expect(ran).toEqual([]);
  });

  it('matches cmdlet names case-insensitively', async () => {
    const result = await run(['set-pcmigfixture', 'x', '-Confirm:$false', '--json']);
    expect(result.exitCode).toBe(0);
  });

  it('refuses an unknown host option (PCMIG-HOST-014)', async () => {
    for (const args of [['--bogus'], ['Set-PcmigFixture', 'x', '--bogus']]) {
      const result = await run(args);
      expect(result.exitCode).toBe(3);
      expect(result.stderr).toContain('PCMIG-HOST-014');
    }
  });

  it('refuses a binding error before anything runs (exit 3)', async () => {
    const result = await run(['Set-PcmigFixture', 'x', '-Kind', 'Public', '-Confirm:$false']);
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Set-PcmigFixture : Cannot validate argument on parameter \'Kind\'.');
    expect(result.stderr).toContain('FullyQualifiedErrorId : PCMIG-HOST-006,Set-PcmigFixture');
    expect(ran).toEqual([]);
  });
});

describe('help', () => {
  it('shows Get-Help views: default, -Detailed, -Full, -Examples, -Parameter', async () => {
    const normal = await run(['Get-Help', 'Set-PcmigFixture']);
    expect(normal.stdout).toMatch(/NAME\n {4}Set-PcmigFixture/);
    expect(normal.stdout).toContain('SYNTAX');
    const syntax = normal.stdout.replace(/\n {4}/g, ' ');
    expect(syntax).toContain('Set-PcmigFixture [-Identity] <String> [-Name <String>] [-Names <String[]>] [-Count <Int32>] [-Enabled <Boolean>] [-Force] [-Since <DateTime>] [-Kind {Open | Closed}]');
    expect(syntax).toContain('Set-PcmigFixture [-Instance] <String>');
    expect(syntax).toContain('[-WhatIf] [-Confirm] [<CommonParameters>]');
    expect(normal.stdout).toContain('REMARKS');
    expect(normal.stdout).not.toContain('EXAMPLE 1');
    const full = await run(['Get-Help', 'Set-PcmigFixture', '-Full']);
    expect(full.stdout).toContain('-Identity <String>');
    expect(full.stdout).toMatch(/-Identity <String>\n.*\n\n +Required\? +true\n +Position\? +1\n/);
    expect(full.stdout).toMatch(/Parameter sets +Identity\n/);
    expect(full.stdout).toMatch(/Position\? +1/);
    expect(full.stdout).toMatch(/Default value +5/);
    expect(full.stdout).toMatch(/Aliases +n/);
    expect(full.stdout).toMatch(/Accepted values +Open, Closed/);
    expect(full.stdout).toContain('OUTPUTS');
    expect(full.stdout).toContain('-------------------------- EXAMPLE 1 --------------------------');
    const examples = await run(['Get-Help', 'Set-PcmigFixture', '-Examples']);
    expect(examples.stdout).toContain('Set-PcmigFixture one -Count 3');
    expect(examples.stdout).not.toContain('SYNTAX');
    const detailed = await run(['Get-Help', 'Set-PcmigFixture', '-Detailed']);
    expect(detailed.stdout).toContain('PARAMETERS');
    expect(detailed.stdout).not.toContain('Accept pipeline input?');
    const parameter = await run(['Get-Help', 'Set-PcmigFixture', '-Parameter', 'Nam*']);
    expect(parameter.stdout).toContain('-Name <String>');
    expect(parameter.stdout).toContain('-Names <String[]>');
    expect(parameter.stdout).not.toContain('-Count');
  });

  it('shows help for <Cmdlet> -?, <Cmdlet> --help and help <Cmdlet>', async () => {
    for (const args of [['Set-PcmigFixture', '-?'], ['Set-PcmigFixture', '--help'], ['help', 'Set-PcmigFixture'], ['--help', 'Set-PcmigFixture']]) {
      const result = await run(args);
      expect(result.exitCode, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toContain('SYNOPSIS');
      expect(ran).toEqual([]);
    }
  });

  it('binds Get-Help itself like any cmdlet: parameter sets, unknown names', async () => {
    const both = await run(['Get-Help', 'Set-PcmigFixture', '-Full', '-Examples']);
    expect(both.exitCode).toBe(3);
    expect(both.stderr).toContain('PCMIG-HOST-007');
    const unknown = await run(['Get-Help', 'Remove-PcmigFixtur']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Did you mean: Remove-PcmigFixture?');
  });

  it('shows a non-cmdlet command\'s help', async () => {
    for (const args of [['fixture-command', '--help'], ['Get-Help', 'fixture-command']]) {
      const result = await run(args);
      expect(result.stdout).toContain('pcmig fixture-command [--size <tiny|small>] [--out-dir <path>] [--repeat <n>] [--dry-run] [--exit-with <n>]');
    }
  });

  it('lists commands with Get-Command (wildcards, -Verb, -Noun, -Syntax)', async () => {
    const all = await run(['Get-Command', '--json']);
    expect(all.json<{ Name: string; CommandType: string }>().map((c) => `${c.CommandType} ${c.Name}`)).toEqual([
      'Cmdlet Get-Help',
      'Cmdlet Get-Command',
      'Cmdlet Remove-PcmigFixture',
      'Cmdlet Set-PcmigFixture',
      'Command fixture-command',
    ]);
    const table = await run(['Get-Command', '*Fixture']);
    expect(table.stdout).toMatch(/CommandType +Name +Version +Source/);
    expect(table.stdout).toContain('Remove-PcmigFixture');
    expect(table.stdout).not.toContain('Get-Help');
    const verb = await run(['Get-Command', '-Verb', 'Set', '--json']);
    expect(verb.json<{ Name: string }>().map((c) => c.Name)).toEqual(['Set-PcmigFixture']);
    const syntax = await run(['Get-Command', '-Noun', 'PcmigFixture', '-Syntax']);
    expect(syntax.stdout).toContain('Remove-PcmigFixture [-Items] <String[]> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]');
  });
});

describe('output', () => {
  it('formats objects as PowerShell does: list view for the list cmdlets, table view for the table ones', async () => {
    const list = await run(['Set-PcmigFixture', 'x', '-Names', 'a,b,c,d,e', '-Confirm:$false']);
    expect(list.stdout).toMatch(/^\nSet +: Identity\n/);
    expect(list.stdout).toMatch(/\nNames +: \{a, b, c, d\.\.\.\}\n/);
    expect(list.stdout).toMatch(/\nForce +: False\n/);
    expect(list.stdout.endsWith('\n\n')).toBe(true);
    const table = await run(['Remove-PcmigFixture', 'a,b', '-Confirm:$false']);
    expect(table.stdout).toBe('\nRemoved Index\n------- -----\na       0\nb       1\n\n');
  });

  it('writes one JSON document per object with --json or -OutputFormat Json, and error records as JSON on stderr', async () => {
    for (const flag of [['--json'], ['-OutputFormat', 'Json']]) {
      const result = await run(['Remove-PcmigFixture', 'a,bad,b', '-Confirm:$false', ...flag]);
      expect(result.json()).toEqual([
        { Removed: 'a', Index: 0 },
        { Removed: 'b', Index: 2 },
      ]);
      const error = JSON.parse(result.stderr.trim()) as Record<string, unknown>;
      expect(error).toMatchObject({ type: 'error', command: 'Remove-PcmigFixture', terminating: false, id: 'PCMIG-HOST-020', category: 'ObjectNotFound', target: 'bad' });
      expect(error.hint).toBeTruthy();
      expect(result.exitCode).toBe(EXIT_CODES.nonTerminatingErrors);
    }
  });

  it('writes the module protocol with --records: every stream on stdout, closed by an end record', async () => {
    const result = await run(['Remove-PcmigFixture', 'a,warn,bad', '-Confirm:$false', '-Verbose', '--records']);
    expect(result.stderr).toBe('');
    const records = result.json<{ type: string }>();
    expect(records.map((r) => r.type)).toEqual(['progress', 'verbose', 'object', 'progress', 'warning', 'verbose', 'object', 'progress', 'error', 'progress', 'end']);
    expect(records[0]).toEqual({ type: 'progress', activityId: 1, parentActivityId: -1, activity: 'Removing', status: 'a', percentComplete: 0, secondsRemaining: -1, completed: false });
    expect(records.at(-1)).toEqual({ type: 'end', exitCode: 1 });
  });

  it('writes bytes raw to a pipe, base64 in JSON, as a private file in records, and never to a terminal', async () => {
    const raw = await run(['Remove-PcmigFixture', 'bytes', '-Confirm:$false']);
    expect([...raw.stdoutBytes]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const json = await run(['Remove-PcmigFixture', 'bytes', '-Confirm:$false', '--json']);
    expect(json.json()).toEqual(['UEsDBA==']);
    const records = await run(['Remove-PcmigFixture', 'bytes', '-Confirm:$false', '--records'], { env: { PCMIG_TEMP: dir } });
    const bytes = records.json<{ type: string; path: string; length: number }>().find((r) => r.type === 'bytes');
    expect(bytes).toMatchObject({ type: 'bytes', length: 4 });
    expect(bytes!.path.startsWith(dir)).toBe(true);
    expect([...fs.readFileSync(bytes!.path)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(fs.statSync(bytes!.path).mode & 0o077).toBe(0);
    expect(fs.statSync(path.dirname(bytes!.path)).mode & 0o077).toBe(0);
    const tty = await run(['Remove-PcmigFixture', 'bytes', '-Confirm:$false'], { tty: { stdout: true } });
    expect(tty.exitCode).toBe(2);
    expect(tty.stderr).toContain('PCMIG-HOST-019');
  });

  it('reads byte input from standard input (-) or a file (@path), and refuses an unreadable one before running', async () => {
    const file = path.join(dir, 'input.bin');
    fs.writeFileSync(file, 'from a file');
    const fromFile = await run(['Set-PcmigFixture', 'x', '-Data', `@${file}`, '-Confirm:$false', '--json']);
    expect(fromFile.json<{ Data: string }>()[0]!.Data).toBe('from a file');
    const fromStdin = await run(['Set-PcmigFixture', 'x', '-Data', '-', '-Confirm:$false', '--json'], { input: Buffer.from('from stdin') });
    expect(fromStdin.json<{ Data: string }>()[0]!.Data).toBe('from stdin');
    const missing = await run(['Set-PcmigFixture', 'x', '-Data', `@${path.join(dir, 'nope.bin')}`, '-Confirm:$false']);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('PCMIG-HOST-018');
    expect(ran).toEqual(['Set-PcmigFixture', 'Set-PcmigFixture']);
  });

  it('draws a progress bar only on a terminal, and not with -ProgressAction SilentlyContinue', async () => {
    const tty = await run(['Remove-PcmigFixture', 'a', '-Confirm:$false'], { tty: { stderr: true } });
    expect(tty.stderr).toMatch(/\rRemoving: a +\[░+\] +0%/);
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    const piped = await run(['Remove-PcmigFixture', 'a', '-Confirm:$false']);
    expect(piped.stderr).toBe('');
    const silenced = await run(['Remove-PcmigFixture', 'a', '-Confirm:$false', '-ProgressAction', 'SilentlyContinue'], { tty: { stderr: true } });
    expect(silenced.stderr).toBe('');
  });
});

describe('streams and exit codes', () => {
  it('writes verbose and debug messages only when asked, on stderr', async () => {
    const quiet = await run(['Remove-PcmigFixture', 'a', '-Confirm:$false']);
    expect(quiet.stderr).toBe('');
    const loud = await run(['Remove-PcmigFixture', 'a', '-Confirm:$false', '-Verbose', '-Debug']);
    expect(loud.stderr).toBe('VERBOSE: removing a\nDEBUG: debugging a\n');
  });

  it('applies -WarningAction: Continue shows, SilentlyContinue hides, Stop stops (PCMIG-HOST-022)', async () => {
    expect((await run(['Remove-PcmigFixture', 'warn', '-Confirm:$false'])).stderr).toBe('WARNING: warn is odd\n');
    expect((await run(['Remove-PcmigFixture', 'warn', '-Confirm:$false', '-WarningAction', 'SilentlyContinue'])).stderr).toBe('');
    const stop = await run(['Remove-PcmigFixture', 'warn,b', '-Confirm:$false', '-wa', 'Stop', '--json']);
    expect(stop.exitCode).toBe(2);
    expect(stop.json()).toEqual([]);
    expect(stop.stderr).toContain('"id":"PCMIG-HOST-022"');
  });

  it('applies -ErrorAction: Continue reports and goes on (exit 1), SilentlyContinue hides (exit 1), Stop ends (exit 2)', async () => {
    const go = await run(['Remove-PcmigFixture', 'a,bad,b', '-Confirm:$false', '--json']);
    expect([go.exitCode, go.json().length]).toEqual([1, 2]);
    const silent = await run(['Remove-PcmigFixture', 'a,bad,b', '-Confirm:$false', '-ErrorAction', 'SilentlyContinue', '--json']);
    expect([silent.exitCode, silent.json().length, silent.stderr]).toEqual([1, 2, '']);
    const stop = await run(['Remove-PcmigFixture', 'a,bad,b', '-Confirm:$false', '-ea', 'Stop', '--json']);
    expect([stop.exitCode, stop.json().length]).toEqual([2, 1]);
    expect(JSON.parse(stop.stderr)).toMatchObject({ id: 'PCMIG-HOST-020', terminating: true });
  });

  it('ends with exit 2 on a terminating error, and reports a defect as PCMIG-HOST-013 with its cause', async () => {
    const fatal = await run(['Remove-PcmigFixture', 'a,fatal,b', '-Confirm:$false']);
    expect(fatal.exitCode).toBe(2);
    expect(fatal.stderr).toContain('FullyQualifiedErrorId : PCMIG-HOST-022,Remove-PcmigFixture');
    const crash = await run(['Remove-PcmigFixture', 'crash', '-Confirm:$false']);
    expect(crash.exitCode).toBe(2);
    expect(crash.stderr).toContain('Unexpected error: undefined is not a function');
    expect(crash.stderr).toContain('PCMIG-HOST-013');
  });
});

describe('ShouldProcess in the host', () => {
  it('-WhatIf prints What if and runs nothing', async () => {
    const result = await run(['Remove-PcmigFixture', 'a,b', '-WhatIf']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('What if: Performing the operation "Remove fixtures" on target "a,b".\n');
    expect(ran).toEqual([]);
  });

  it('refuses a High-impact cmdlet without a terminal unless -Confirm:$false or -Force (nothing runs)', async () => {
    const refused = await run(['Remove-PcmigFixture', 'a']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('PCMIG-HOST-011');
    expect(ran).toEqual([]);
    expect((await run(['Remove-PcmigFixture', 'a', '-Confirm:$false', '--json'])).json()).toHaveLength(1);
    expect((await run(['Remove-PcmigFixture', 'a', '-Force', '--json'])).json()).toHaveLength(1);
    expect((await run(['Remove-PcmigFixture', 'a', '-Force', '-Confirm'])).exitCode).toBe(3);
  });

  it('does not ask a Medium-impact cmdlet unless -Confirm', async () => {
    expect((await run(['Set-PcmigFixture', 'x', '--json'])).exitCode).toBe(0);
    expect((await run(['Set-PcmigFixture', 'x', '-Confirm'])).exitCode).toBe(3);
  });

  const tty = { stdin: true, stderr: true } as const;

  it('asks on a terminal: Y runs, N skips (exit 0), ? explains', async () => {
    const yes = await run(['Remove-PcmigFixture', 'a', '--json'], { tty, input: '?\ny\n' });
    expect(yes.stderr).toContain('Are you sure you want to perform this action?\nPerforming the operation "Remove fixtures" on target "a".');
    expect(yes.stderr).toContain('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):');
    expect(yes.stderr).toContain('A - Continue with all the steps of the operation.');
    expect(yes.json()).toHaveLength(1);
    const no = await run(['Remove-PcmigFixture', 'a', '--json'], { tty, input: 'n\n' });
    expect([no.exitCode, no.json().length]).toEqual([0, 0]);
    expect(ran).toEqual(['Remove-PcmigFixture']);
  });

  it('takes Enter as the default Yes, and S as a stop (PCMIG-HOST-012, exit 2)', async () => {
    expect((await run(['Remove-PcmigFixture', 'a', '--json'], { tty, input: '\n' })).json()).toHaveLength(1);
    const stop = await run(['Remove-PcmigFixture', 'a', '--json'], { tty, input: 's\n' });
    expect(stop.exitCode).toBe(2);
    expect(stop.stderr).toContain('PCMIG-HOST-012');
  });

  it('asks per item with -Confirm on an engine that asks per item: A answers the rest, L declines the rest', async () => {
    const all = await run(['Set-PcmigFixture', 'x', '-Confirm', '--json'], { tty, input: 'a\n' });
    expect(all.json()).toHaveLength(1);
    const none = await run(['Set-PcmigFixture', 'x', '-Confirm', '--json'], { tty, input: 'l\n' });
    expect(none.json()).toHaveLength(0);
  });
});

describe('non-cmdlet commands', () => {
  it('parse GNU-style options with defaults, kebab-case names, short names and = values', async () => {
    const result = await run(['fixture-command', '--size', 'small', '-o', '/tmp/x', '--repeat=3', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ size: 'small', outDir: '/tmp/x', repeat: 3, dryRun: true });
    expect(JSON.parse((await run(['fixture-command'])).stdout)).toEqual({ size: 'tiny', repeat: 1, dryRun: false });
  });

  it('return the exit code the command gives, and report its errors', async () => {
    expect((await run(['fixture-command', '--exit-with', '4'])).exitCode).toBe(4);
    const failed = await run(['fixture-command', '--exit-with', '99']);
    expect(failed.exitCode).toBe(2);
    expect(failed.stderr).toContain('fixture-command : fixture failure');
  });

  it('refuse unknown options, bad values and stray arguments with PCMIG-HOST-021 (nothing runs)', async () => {
    for (const args of [['--colour', 'red'], ['--size', 'huge'], ['--repeat', 'many'], ['stray'], ['--size'], ['--dry-run=yes'], ['--size', 'tiny', '--size', 'small']]) {
      const result = await run(['fixture-command', ...args]);
      expect(result.exitCode, args.join(' ')).toBe(3);
      expect(result.stderr, args.join(' ')).toContain('PCMIG-HOST-021');
    }
    expect(ran).toEqual([]);
  });
});
