#!/usr/bin/env bash
# Starts a working local Livepeer.Orleans network in one process: gateway, orchestrator and worker roles on one silo,
# localhost clustering, in-memory state, the bundled models on a CPU device (silo-config/all-in-one.json).
# Usage: ./run.sh [--config other.json] ; environment variables such as Livepeer__Worker__Devices__0__Slots=4 override keys.
set -euo pipefail
cd "$(dirname "$0")"
log() { printf '[run.sh] %s\n' "$*" >&2; }
command -v dotnet >/dev/null || { log "dotnet (SDK 10) is required: https://dot.net"; exit 1; }
# apt_install, require_ffmpeg: image-to-video encodes its MP4 with ffmpeg.
source tools/requirements.sh
require_ffmpeg
dotnet build src/Livepeer.Host/Livepeer.Host.csproj -c Release -nologo -v quiet
exec dotnet src/Livepeer.Host/bin/Release/net10.0/linux-x64/Livepeer.Host.dll "$@"
