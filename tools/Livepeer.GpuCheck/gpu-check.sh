#!/usr/bin/env bash
# The GPU check of the inference issue, step 1 (here): fetch and convert ESRGAN-thick (fp32 and fp16), then publish
# this tool self-contained with them and split it into .gpu/partNN (../shared/tools/gpu-pack.sh).
# Step 2 (device): one run per part with `bash .gpu/stash.sh`, then, carrying the last part with .gpu/stash.sh and
# .gpu/unpack.sh:  bash .gpu/stash.sh && source .gpu/unpack.sh && $APP "$(dirname "$APP")/esrgan" 20 cuda 256,512
# It prints one markdown table (provider, first run, median) for docs/benchmarks.md.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
dotnet run --project tools/Livepeer.ModelTool -c Release -- fetch esrgan
../shared/tools/gpu-pack.sh tools/Livepeer.GpuCheck/Livepeer.GpuCheck.csproj -p:BundleEsrgan=true
