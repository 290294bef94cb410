#!/usr/bin/env bash
# Finds an image that is already in ECR and prints its immutable reference (REGISTRY/REPO@sha256:...).
#
#   resolve-image.sh --registry HOST --repository NAME (--tag TAG | --model-version VERSION)
#
# --model-version V looks for the tag model-V that scripts/container/build-image.sh gives every image.
# Exit codes: 0 found, 3 no such image, 2 bad arguments.
set -euo pipefail

registry=""
repository=""
tag=""
while (($# > 0)); do
  case $1 in
    --registry) registry=$2 ;;
    --repository) repository=$2 ;;
    --tag) tag=$2 ;;
    --model-version) tag=model-$2 ;;
    *)
      echo "error: unknown option '$1'" >&2
      exit 2
      ;;
  esac
  shift 2
done

if [[ -z $registry || -z $repository || -z $tag ]]; then
  echo "usage: resolve-image.sh --registry HOST --repository NAME (--tag TAG | --model-version VERSION)" >&2
  exit 2
fi
if ! [[ $tag =~ ^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$ ]]; then
  echo "error: not a valid image tag: '$tag'" >&2
  exit 2
fi

if ! digest=$(aws ecr describe-images --repository-name "$repository" --image-ids "imageTag=$tag" \
  --query 'imageDetails[0].imageDigest' --output text 2>/dev/null) || [[ ! $digest =~ ^sha256:[0-9a-f]{64}$ ]]; then
  echo "error: no image $repository:$tag in the registry" >&2
  exit 3
fi
echo "$registry/$repository@$digest"
