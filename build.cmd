:; set -eo pipefail
:; SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
:; "$SCRIPT_DIR/build.sh" "$@"
:; exit $?

@ECHO OFF
REM Bootstrapper for Windows cmd (and, through the ":;" lines above, for sh): forwards to build.ps1.
powershell -ExecutionPolicy ByPass -NoProfile -File "%~dp0build.ps1" %*
