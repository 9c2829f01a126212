# Bootstrapper for the NUKE-style build host (docs/architecture.md §7): .\build.ps1 [targets] [--parameters]
# Builds build/_build.csproj quietly, then runs it with the same arguments.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version 2.0

$BuildProjectFile = Join-Path $PSScriptRoot "build" "_build.csproj"

$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_NOLOGO = 1
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1

# glibc malloc settings (Linux/macOS PowerShell only; Windows ignores them): never return memory to the OS,
# and one arena for every thread, which measured 4x faster TorchSharp steps on these VMs (docs/architecture.md §9).
# A user's own values win. The values are src/WeakToStrong.Runner/Identity/MallocEnvironment.cs's table.
if (-not $env:MALLOC_MMAP_MAX_) { $env:MALLOC_MMAP_MAX_ = "0" }
if (-not $env:MALLOC_TRIM_THRESHOLD_) { $env:MALLOC_TRIM_THRESHOLD_ = "100000000000" }
if (-not $env:MALLOC_ARENA_MAX) { $env:MALLOC_ARENA_MAX = "1" }

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error "build.ps1: 'dotnet' is not on PATH; install the .NET SDK named in global.json (https://dot.net)."
    exit 1
}

# Quiet: the host's own build prints nothing unless it fails (then all of it), so a user reads only the host's output.
$BuildLog = dotnet build $BuildProjectFile -nologo --verbosity quiet -tl:off -nowarn:NU1603 /nodeReuse:false /p:UseSharedCompilation=false 2>&1
if ($LASTEXITCODE -ne 0) {
    $BuildLog | Write-Host
    Write-Error "build.ps1: building build/_build.csproj failed (output above)."
    exit $LASTEXITCODE
}
dotnet run --project $BuildProjectFile --no-build --no-launch-profile -- $args
exit $LASTEXITCODE
