#!/usr/bin/env bash
# Runs deploy/ec2/deploy.sh on EC2 instances through SSM Run Command (AWS-RunShellScript):
# no SSH port, no SSH key. The script travels inside the command (gzip + base64), so the
# instance always runs the deploy logic of the commit being deployed.
#
#   ssm-deploy.sh --image IMAGE_REF --instance-ids "i-0abc i-0def" [--timeout SECONDS] [--comment TEXT]
#   ssm-deploy.sh --image IMAGE_REF --instance-ids "..." --action rollback
#
# Waits for every instance, prints each one's output, exits 1 unless all succeeded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

image=""
instances=""
timeout=900
comment="riskflag deploy"
action=deploy
poll_seconds=${RISKFLAG_SSM_POLL_SECONDS:-5}

while (($# > 0)); do
  case $1 in
    --image) image=$2 ;;
    --instance-ids) instances=$2 ;;
    --timeout) timeout=$2 ;;
    --comment) comment=${2:0:100} ;;
    --action) action=$2 ;;
    *)
      echo "error: unknown option '$1'" >&2
      exit 2
      ;;
  esac
  shift 2
done

read -r -a instance_ids <<<"$instances"
if ((${#instance_ids[@]} == 0)); then
  echo "error: --instance-ids is required" >&2
  exit 2
fi
case $action in
  deploy)
    # The reference goes into a shell command on the instance: only image-reference characters.
    if ! [[ $image =~ ^[A-Za-z0-9][A-Za-z0-9._/:@-]*$ ]]; then
      echo "error: --image must be an image reference, not '$image'" >&2
      exit 2
    fi
    argument=$image
    ;;
  rollback) argument=rollback ;;
  *)
    echo "error: --action is deploy or rollback" >&2
    exit 2
    ;;
esac

payload=$(gzip -9c "$here/ec2/deploy.sh" | base64 -w0)
parameters=$(mktemp)
trap 'rm -f "$parameters"' EXIT
# The instance writes the script to a private temporary file, runs it, removes it, keeps its status.
jq -n --arg payload "$payload" --arg argument "$argument" --arg timeout "$timeout" -f /dev/stdin >"$parameters" <<'JQ'
{
  executionTimeout: [$timeout],
  commands: [
    "set -eu",
    "script=$(mktemp /tmp/riskflag-deploy.XXXXXX)",
    "echo '\($payload)' | base64 -d | gunzip > \"$script\"",
    "status=0; bash \"$script\" '\($argument)' || status=$?",
    "rm -f \"$script\"",
    "exit $status"
  ]
}
JQ

command_id=$(aws ssm send-command \
  --document-name AWS-RunShellScript \
  --instance-ids "${instance_ids[@]}" \
  --comment "$comment" \
  --timeout-seconds 600 \
  --parameters "file://$parameters" \
  --query Command.CommandId --output text)
echo "SSM command $command_id sent to ${instance_ids[*]}"

failed=0
deadline=$((SECONDS + timeout + 60))
for instance in "${instance_ids[@]}"; do
  while true; do
    status=$(aws ssm get-command-invocation --command-id "$command_id" --instance-id "$instance" \
      --query Status --output text 2>/dev/null || echo Pending)
    case $status in
      Pending | InProgress | Delayed)
        if ((SECONDS >= deadline)); then
          status=TimedOut
          break
        fi
        sleep "$poll_seconds"
        ;;
      *) break ;;
    esac
  done
  echo "== $instance: $status"
  aws ssm get-command-invocation --command-id "$command_id" --instance-id "$instance" \
    --query '[StandardOutputContent, StandardErrorContent]' --output text 2>/dev/null || true
  [[ $status == Success ]] || failed=1
done

if ((failed)); then
  echo "error: the $action failed on at least one instance (see its output above)" >&2
  exit 1
fi
echo "$action succeeded on ${instance_ids[*]}"
