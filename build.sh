#!/usr/bin/env bash
# Bootstrapper for the NUKE-style build host (docs/architecture.md §7): ./build.sh [targets] [--parameters]
# Builds build/_build.csproj quietly, then runs it with the same arguments. The real `nuke` global tool finds
# .nuke/ and calls this script, so `nuke Reproduce --experiment x` works unchanged.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# glibc malloc: never give memory back to the OS, and one arena for every thread. On these VMs the first touch of fresh
# pages is very slow and TorchSharp allocates large tensors every step; this measured 224 -> 994 tok/s for a
# GPT-2-vocabulary step, and the one arena 157.7 -> 102.5 s for the quick start's pretraining, whose stages run off the
# main thread (docs/architecture.md §9). It must be set before the process starts. A user's own values win. The values
# are src/WeakToStrong.Runner/Identity/MallocEnvironment.cs's table (a test holds the two together).
export MALLOC_MMAP_MAX_="${MALLOC_MMAP_MAX_:-0}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-100000000000}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "build.sh: 'dotnet' is not on PATH; install the .NET SDK named in global.json (https://dot.net)." >&2
    exit 1
fi

# Quiet: the host's own build prints nothing unless it fails (then all of it), so a user reads only the host's
# output. `dotnet build` appends its own -clp:Summary, which -clp:NoSummary cannot remove; hence the capture.
if ! BUILD_LOG=$(dotnet build "$BUILD_PROJECT_FILE" -nologo --verbosity quiet -tl:off -nowarn:NU1603 /nodeReuse:false /p:UseSharedCompilation=false 2>&1); then
    echo "$BUILD_LOG" >&2
    echo "build.sh: building build/_build.csproj failed (output above)." >&2
    exit 1
fi
dotnet run --project "$BUILD_PROJECT_FILE" --no-build --no-launch-profile -- "$@"
