# syntax=docker/dockerfile:1
#
# RiskFlag: the site with a trained model baked in.
#
#   bash scripts/container/build-image.sh --image riskflag --revision "$(git rev-parse HEAD)"
#
# (two passes: the first exports the trained model to learn its version, the second labels the
# image with it; a plain `docker build .` works too, with an empty model-version label).
# Every RUN below calls a script under scripts/container/; the test suite runs the same scripts
# outside Docker, so what the image does is tested on every machine that runs the tests.
#
# The build and train stages are the official .NET SDK image; the trainer's LightGBM (inside the
# Microsoft.ML.LightGbm package) needs only libgomp1 and the model checks jq, which install-toolchain.sh
# adds. The runtime stage is the official ASP.NET runtime image with nothing added: the site scores with
# ML.NET's managed trees and never loads the native LightGBM library (a Tooling test proves it).
#
# Base images are pinned by exact tag; docs/deploy.md explains pinning them by digest as well.

# Optional training data: `--build-context training-data=DIR` replaces this empty stage with DIR,
# and TRAINING_DATA names the file(s) in it. Nothing from DIR ever enters the main build context.
FROM scratch AS training-data
COPY docker/training-data.md /README.md

# --- build: SDK 10.0.401 (global.json) + libgomp1 + jq; locked restore, format check, Release build,
# unit tests, publish ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_XMLDOC_MODE=skip
COPY scripts/container/install-toolchain.sh /usr/local/bin/install-toolchain.sh
RUN RISKFLAG_CLEAN_APT_LISTS=1 bash /usr/local/bin/install-toolchain.sh
WORKDIR /src
COPY . .
# Browser tests need Chromium, Tooling tests Node, shellcheck and namespaces, Database tests a PostgreSQL
# server: CI runs those.
ARG TEST_FILTER="Category!=Browser&Category!=Tooling&Category!=Database"
RUN TEST_FILTER="${TEST_FILTER}" bash scripts/container/restore-build-test.sh restore format build test
RUN bash scripts/container/publish.sh trainer /out/trainer \
    && bash scripts/container/publish.sh site /out/site

# --- train: the model, from generated data (fixed seed) unless TRAINING_DATA names files --------
FROM build AS train
ARG TRAINING_DATA=generated
ARG TRAINING_ROWS=252000
ARG TRAINING_SEED=42
ARG MIN_GROUPED_AUC=0.78
COPY --from=training-data / /training-data/
WORKDIR /training-data
RUN bash /src/scripts/container/train-model.sh --trainer /out/trainer/riskflag-train.dll \
        --data "${TRAINING_DATA}" --rows "${TRAINING_ROWS}" --seed "${TRAINING_SEED}" --out /out/model \
    && bash /src/scripts/container/check-model.sh --artifacts /out/model --min-grouped-auc "${MIN_GROUPED_AUC}"

# `--target model --output type=local,dest=DIR` exports the bundle, metrics, plots and version.
FROM scratch AS model
COPY --from=train /out/model/ /

# The version label must name the model inside: when MODEL_VERSION is given it is checked here.
FROM train AS model-check
ARG MODEL_VERSION=""
ARG MIN_GROUPED_AUC=0.78
RUN bash /src/scripts/container/check-model.sh --artifacts /out/model \
        --min-grouped-auc "${MIN_GROUPED_AUC}" --expect-version "${MODEL_VERSION}"

# --- runtime: ASP.NET runtime, the published site, the model; non-root --------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble AS runtime
ARG SOURCE_URL=""
ARG REVISION=""
ARG MODEL_VERSION=""
LABEL org.opencontainers.image.title="RiskFlag" \
      org.opencontainers.image.description="Credit-risk flags for loan applicants" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.revision="${REVISION}" \
      riskflag.model.version="${MODEL_VERSION}" \
      riskflag.model.path="/app/model/risk-model.zip"
# The model is read from Model__Path. Mount a host directory on /app/model to serve another model
# and hot-reload it (replace risk-model.zip there atomically); the baked-in model is the default.
# The decision log and the users (SQLite) and the sign-in keys go to the app user's home (/app is root's): mount a
# volume on /home/app/data to keep them. Auth__AdminPassword creates the first administrator.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Model__Path=/app/model/risk-model.zip \
    Decisions__Database=/home/app/data/decisions.db \
    Auth__Database=/home/app/data/identity.db \
    Auth__KeysDirectory=/home/app/data/keys \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /app
COPY --from=build /out/site/ /app/
COPY --from=model-check /out/model/risk-model.zip /app/model/risk-model.zip
COPY scripts/container/healthcheck.sh /usr/local/bin/riskflag-healthcheck
# APP_UID is the unprivileged "app" user that the .NET images define.
USER $APP_UID
EXPOSE 8080
# Unhealthy after about a minute without a ready answer (no --start-period: loading the model is quick).
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
    CMD ["bash", "/usr/local/bin/riskflag-healthcheck"]
ENTRYPOINT ["dotnet", "RiskFlag.Web.dll"]
