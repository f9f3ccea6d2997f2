#!/usr/bin/env bash
# Builds pcmig's minimal PowerShell console host (tools/pwsh/.build/publish/pwsh): the real
# PowerShell engine (System.Management.Automation 7.6.9) behind a small pwsh-compatible front end.
# Only when a real pwsh is not installed (PATH or ~/.dotnet/tools); idempotent, and quick when the
# sources have not changed. A failure does not stop CI: the PowerShell tests then report it as the
# reason they skip (.build/unavailable.txt). --force builds even when a real pwsh exists.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/.build"
own="$out/publish/pwsh"
force=0
if [ "${1:-}" = "--force" ]; then force=1; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

real_pwsh() {
  local candidate
  for candidate in "$(command -v pwsh 2>/dev/null || true)" "$HOME/.dotnet/tools/pwsh"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(readlink -f "$candidate")" != "$(readlink -f "$own" 2>/dev/null || true)" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

unavailable() {
  mkdir -p "$out"
  printf '%s\n' "$1" >"$out/unavailable.txt"
  printf '\n==== PowerShell is NOT available for the module tests ====\n%s\n\n' "$1" >&2
  exit 0
}

if [ "$force" -eq 0 ] && found="$(real_pwsh)"; then
  echo "pwsh found at $found: pcmig's minimal PowerShell host is not needed."
  exit 0
fi

if ! command -v dotnet >/dev/null 2>&1; then
  unavailable "Neither pwsh nor the .NET SDK (dotnet) is installed, so pcmig's minimal PowerShell host cannot be built."
fi

stamp="$({ cat "$here"/src/*.cs "$here"/src/*.csproj "$here"/src/*.props; dotnet --version; } | sha256sum | cut -d' ' -f1)"
if [ -x "$own" ] && [ "$(cat "$out/stamp" 2>/dev/null || true)" = "$stamp" ]; then
  echo "pcmig's minimal PowerShell host is up to date: $own"
  exit 0
fi

mkdir -p "$out"
rm -f "$out/unavailable.txt" "$out/stamp"
echo "Building pcmig's minimal PowerShell host (System.Management.Automation 7.6.9, framework-dependent)..."
if dotnet publish "$here/src/PcmigPwsh.csproj" -c Release -o "$out/publish" --nologo >"$out/build.log" 2>&1 && "$own" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' >/dev/null 2>>"$out/build.log"; then
  echo "$stamp" >"$out/stamp"
  echo "Built $own ($("$own" -Version))"
else
  tail -n 20 "$out/build.log" >&2 || true
  unavailable "The minimal PowerShell host failed to build or start; see tools/pwsh/.build/build.log (dotnet publish of System.Management.Automation 7.6.9 needs its NuGet packages)."
fi
