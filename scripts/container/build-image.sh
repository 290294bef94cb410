#!/usr/bin/env bash
# Builds the RiskFlag image with the model baked in, in two passes over the same build cache:
#   1. --target model: builds, tests, trains, checks the AUC floor, and exports the model
#      (bundle, metrics.json, plots, model-version) to --out;
#   2. --target runtime: the image, labelled with that model version (the Dockerfile verifies the
#      label against the model inside) and tagged IMAGE:<revision> and IMAGE:model-<version>.
# No `latest` tag is ever made: every tag names a commit or a model.
#
#   build-image.sh --image NAME [--revision SHA] [--source URL] [--push | --load] [--out DIR]
#                  [--training-data DIR --training-files "a.csv b.csv"] [--rows N] [--seed S]
#                  [--min-grouped-auc X] [--context DIR]
#
# Prints image, tags, model version and digest; appends them to $GITHUB_OUTPUT when set.
set -euo pipefail

image=""
revision=""
source_url=""
mode=""
out=out/image-model
training_dir=""
training_files=""
rows=""
seed=""
floor=""
context=.

while (($# > 0)); do
  case $1 in
    --image) image=$2 && shift ;;
    --revision) revision=$2 && shift ;;
    --source) source_url=$2 && shift ;;
    --push) mode=push ;;
    --load) mode=load ;;
    --out) out=$2 && shift ;;
    --training-data) training_dir=$2 && shift ;;
    --training-files) training_files=$2 && shift ;;
    --rows) rows=$2 && shift ;;
    --seed) seed=$2 && shift ;;
    --min-grouped-auc) floor=$2 && shift ;;
    --context) context=$2 && shift ;;
    *)
      echo "error: unknown option '$1'" >&2
      exit 2
      ;;
  esac
  shift
done

if [[ -z $image ]]; then
  echo "error: --image NAME is required (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/riskflag)" >&2
  exit 2
fi
if [[ $image == *:* && ${image##*/} == *:* ]]; then
  echo "error: --image takes a repository without a tag; tags are the revision and the model version" >&2
  exit 2
fi
if [[ -n $training_dir && -z $training_files ]] || [[ -z $training_dir && -n $training_files ]]; then
  echo "error: --training-data DIR and --training-files go together" >&2
  exit 2
fi
if [[ -z $revision ]]; then
  revision=$(git -C "$context" rev-parse HEAD 2>/dev/null || true)
fi
if ! [[ $revision =~ ^[0-9a-f]{7,40}$ ]]; then
  echo "error: --revision must be a commit SHA, not '${revision}'" >&2
  exit 2
fi

common=(--file "$context/Dockerfile")
[[ -n $training_dir ]] && common+=(--build-context "training-data=$training_dir" --build-arg "TRAINING_DATA=$training_files")
[[ -n $rows ]] && common+=(--build-arg "TRAINING_ROWS=$rows")
[[ -n $seed ]] && common+=(--build-arg "TRAINING_SEED=$seed")
[[ -n $floor ]] && common+=(--build-arg "MIN_GROUPED_AUC=$floor")

case $(realpath -m "$out") in
  / | "$(realpath -m "$context")" | "$HOME")
    echo "error: --out must be a folder of its own; it is emptied first" >&2
    exit 2
    ;;
esac
rm -rf "$out"
mkdir -p "$out"
echo "== build, test, train and check the model"
docker buildx build "${common[@]}" --target model --output "type=local,dest=$out" "$context"

version=$(tr -d '[:space:]' <"$out/model-version" 2>/dev/null || true)
if ! [[ $version =~ ^[0-9A-Za-z][0-9A-Za-z._-]{0,100}$ ]]; then
  echo "error: the model export has no usable model-version ('$version')" >&2
  exit 1
fi

tags=("$image:$revision" "$image:model-$version")
metadata=$(mktemp)
trap 'rm -f "$metadata"' EXIT
runtime=("${common[@]}" --target runtime
  --build-arg "MODEL_VERSION=$version"
  --build-arg "REVISION=$revision"
  --build-arg "SOURCE_URL=$source_url"
  --metadata-file "$metadata")
for tag in "${tags[@]}"; do
  runtime+=(--tag "$tag")
done
[[ -n $mode ]] && runtime+=("--$mode")

echo "== image with model $version"
docker buildx build "${runtime[@]}" "$context"
digest=$(jq -r '."containerimage.digest" // empty' "$metadata" 2>/dev/null || true)

echo "image=$image"
echo "tags=${tags[*]}"
echo "model_version=$version"
echo "digest=${digest:-unknown}"
if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  {
    echo "image=$image"
    echo "revision_tag=$revision"
    echo "model_tag=model-$version"
    echo "model_version=$version"
    echo "digest=$digest"
  } >>"$GITHUB_OUTPUT"
fi
