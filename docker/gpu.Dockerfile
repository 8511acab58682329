# syntax=docker/dockerfile:1
# The GPU worker image: CUDA 13 runtime with cuDNN 9 (what ONNX Runtime 1.31's CUDA provider links against), the
# ASP.NET Core 10 runtime, ffmpeg for image-to-video. Build from the repository root:
#   docker build -f docker/gpu.Dockerfile -t livepeer-orleans-gpu:dev .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Livepeer.Host/Livepeer.Host.csproj -c Release -o /out --no-self-contained

# The .NET runtime comes from Microsoft's own image rather than a package feed.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg libicu74 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin livepeer
WORKDIR /app
COPY --from=build /out/ ./
COPY silo-config/ ./silo-config/
COPY models/ ./models/
USER 10001
ENV DOTNET_gcServer=1 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    LIVEPEER_CONFIG=silo-config/worker.json
EXPOSE 8935 11111 30000
HEALTHCHECK --interval=15s --timeout=6s --start-period=120s --retries=3 \
    CMD ["dotnet", "/app/Livepeer.Host.dll", "healthcheck", "http://127.0.0.1:8935/healthz"]
ENTRYPOINT ["dotnet", "/app/Livepeer.Host.dll"]
