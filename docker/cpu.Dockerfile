# syntax=docker/dockerfile:1
# The CPU image: gateway and orchestrator silos (and the all-in-one dev network). Build from the repository root:
#   docker build -f docker/cpu.Dockerfile -t livepeer-orleans:dev .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Livepeer.Host/Livepeer.Host.csproj -c Release -o /out --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# ffmpeg for image-to-video when an all-in-one pod also runs the worker role.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin livepeer
WORKDIR /app
COPY --from=build /out/ ./
COPY silo-config/ ./silo-config/
COPY models/ ./models/
RUN mkdir -p /var/lib/livepeer/media && chown -R livepeer /var/lib/livepeer
USER 10001
ENV DOTNET_gcServer=1 \
    LIVEPEER_CONFIG=silo-config/all-in-one.json
EXPOSE 8935 11111 30000
HEALTHCHECK --interval=15s --timeout=6s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/Livepeer.Host.dll", "healthcheck", "http://127.0.0.1:8935/healthz"]
ENTRYPOINT ["dotnet", "/app/Livepeer.Host.dll"]
