#!/usr/bin/env bash
# Runs one night on Kubernetes: creates the Indexed Job of N shards, waits until it is Complete, then creates the
# merge Job and waits for it. Both Jobs are named after the night, so running this again with the same --night
# picks up where the last invocation stopped instead of starting anew.
#
#   deploy/kubernetes/run-night.sh --dump /input/dumps/2026-11-30/dump.jsonl --shards 4 \
#       --image ghcr.io/example/proofmark:VERSION [--night 2026-11-30T02:00:00Z]
#
# Needs kubectl (pointed at the cluster and namespace) and envsubst (Debian: gettext-base). --print writes the two
# filled-in manifests to stdout and touches nothing. Exit status: 0 when the merge completed, 1 when a Job failed
# or timed out, 2 for a usage error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    cat <<'USAGE'
usage: run-night.sh --dump PATH --shards N [options]

  --dump PATH          tonight's dump, as the pods see it (under /input, the proofmark-input volume)
  --shards N           number of shards; keep it the same every night (see deploy/README.md)
  --night ISO          the run's clock, e.g. 2026-11-30T02:00:00Z (default: now). Every shard gets this --now;
                       rerun a night with the value printed when it started.
  --registry PATH      default /input/registry/registry.yaml
  --image REF          default ghcr.io/example/proofmark:VERSION
  --parallelism P      shards running at once (default N)
  --min-score S        default 0.5
  --deadline SECONDS   how long the shards Job may run (default 28800, 8 hours)
  --timeout SECONDS    how long to wait for each Job (default: the deadline plus an hour)
  --namespace NS       default: kubectl's current namespace
  --retry              delete tonight's failed Job (shards or merge) and create it again
  --print              print the filled-in manifests and exit
USAGE
}

fail_usage() {
    echo "run-night.sh: $1" >&2
    usage >&2
    exit 2
}

dump=""
shards=""
night=""
registry="/input/registry/registry.yaml"
image="ghcr.io/example/proofmark:VERSION"
parallelism=""
min_score="0.5"
deadline="28800"
timeout=""
namespace=""
retry=false
print_only=false
poll_seconds=${POLL_SECONDS:-30}

while (($#)); do
    case "$1" in
        --dump) dump=${2-}; shift 2 || fail_usage "--dump needs a value" ;;
        --shards) shards=${2-}; shift 2 || fail_usage "--shards needs a value" ;;
        --night) night=${2-}; shift 2 || fail_usage "--night needs a value" ;;
        --registry) registry=${2-}; shift 2 || fail_usage "--registry needs a value" ;;
        --image) image=${2-}; shift 2 || fail_usage "--image needs a value" ;;
        --parallelism) parallelism=${2-}; shift 2 || fail_usage "--parallelism needs a value" ;;
        --min-score) min_score=${2-}; shift 2 || fail_usage "--min-score needs a value" ;;
        --deadline) deadline=${2-}; shift 2 || fail_usage "--deadline needs a value" ;;
        --timeout) timeout=${2-}; shift 2 || fail_usage "--timeout needs a value" ;;
        --namespace) namespace=${2-}; shift 2 || fail_usage "--namespace needs a value" ;;
        --retry) retry=true; shift ;;
        --print) print_only=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) fail_usage "unknown argument: $1" ;;
    esac
done

[[ -n $dump ]] || fail_usage "--dump is required"
[[ $shards =~ ^[1-9][0-9]*$ ]] || fail_usage "--shards must be a positive integer"
parallelism=${parallelism:-$shards}
[[ $parallelism =~ ^[1-9][0-9]*$ ]] || fail_usage "--parallelism must be a positive integer"
[[ $deadline =~ ^[1-9][0-9]*$ ]] || fail_usage "--deadline must be a positive number of seconds"
timeout=${timeout:-$((deadline + 3600))}
[[ $timeout =~ ^[1-9][0-9]*$ ]] || fail_usage "--timeout must be a positive number of seconds"
[[ $min_score =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || fail_usage "--min-score must be between 0 and 1"
# The values go into YAML strings and a shell command line: keep them to characters that need no quoting.
for value in "$dump" "$registry"; do
    [[ $value =~ ^/[A-Za-z0-9._/+@=-]+$ ]] || fail_usage "paths must be absolute, without spaces or quotes: $value"
done
[[ $image =~ ^[A-Za-z0-9._/:@-]+$ ]] || fail_usage "not an image reference: $image"

night=${night:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
[[ $night =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]] ||
    fail_usage "--night must be UTC ISO 8601, e.g. 2026-11-30T02:00:00Z"
# 2026-11-30T02:00:00Z -> 20261130t020000z: the same stamp as the run id, lower case for object names.
night_id=$(printf '%s' "$night" | tr -d ':-' | tr 'TZ' 'tz')

export NIGHT="$night" NIGHT_ID="$night_id" SHARDS="$shards" PARALLELISM="$parallelism" IMAGE="$image" \
    DUMP="$dump" REGISTRY="$registry" MIN_SCORE="$min_score" DEADLINE_SECONDS="$deadline"
# Only these are substituted; the shell variables of the pods' scripts stay as they are.
# shellcheck disable=SC2016 # envsubst wants the names, unexpanded
template_variables='$NIGHT $NIGHT_ID $SHARDS $PARALLELISM $IMAGE $DUMP $REGISTRY $MIN_SCORE $DEADLINE_SECONDS'

command -v envsubst >/dev/null || { echo "run-night.sh: envsubst not found (Debian: apt-get install gettext-base)" >&2; exit 2; }
render() { envsubst "$template_variables" <"$here/$1"; }

shards_job="proofmark-shards-$night_id"
merge_job="proofmark-merge-$night_id"

if $print_only; then
    render shards-job.yaml
    echo "---"
    render merge-job.yaml
    exit 0
fi

command -v kubectl >/dev/null || { echo "run-night.sh: kubectl not found" >&2; exit 2; }
kube=(kubectl)
[[ -n $namespace ]] && kube+=(--namespace "$namespace")

log() { echo "run-night.sh: $(date -u +%H:%M:%SZ) $*" >&2; }

# The conditions that are True, space-separated, e.g. "SuccessCriteriaMet Complete".
job_conditions() {
    "${kube[@]}" get job "$1" -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}'
}

# Waits until the Job is Complete (0) or Failed (1), or the timeout passes (1). `kubectl wait` waits for one
# condition only and would sit out the whole timeout on a Job that has failed, so this polls both.
wait_for_job() {
    local name=$1 conditions
    local give_up=$((SECONDS + timeout))
    log "waiting for job/$name"
    while :; do
        # A failed look-up (the API server briefly away) counts as no condition yet.
        conditions=" $(job_conditions "$name" || true) "
        case "$conditions" in
            *" Complete "*)
                log "job/$name complete"
                return 0
                ;;
            *" Failed "*)
                log "job/$name failed: $("${kube[@]}" get job "$name" -o jsonpath='{.status.conditions[?(@.type=="Failed")].message}')"
                local failed_indexes
                failed_indexes=$("${kube[@]}" get job "$name" -o jsonpath='{.status.failedIndexes}')
                [[ -n $failed_indexes ]] && log "failed indexes (shard = index + 1): $failed_indexes"
                return 1
                ;;
        esac
        if ((SECONDS >= give_up)); then
            log "job/$name neither complete nor failed after ${timeout}s"
            return 1
        fi
        sleep "$poll_seconds"
    done
}

# Creates the Job from its template unless tonight's already exists. With --retry, a failed one is deleted first,
# waiting until its pods are gone so that no old pod still holds a state file when the new ones start.
ensure_job() {
    local name=$1 template=$2 conditions
    if "${kube[@]}" get job "$name" >/dev/null 2>&1; then
        conditions=" $(job_conditions "$name") "
        if [[ $conditions == *" Failed "* ]] && $retry; then
            log "deleting failed job/$name to run it again"
            "${kube[@]}" delete job "$name" --cascade=foreground --wait=true
        else
            log "job/$name exists already (conditions:${conditions% }); not creating it again"
            return 0
        fi
    fi
    log "creating job/$name"
    render "$template" | "${kube[@]}" create -f -
}

log "night $night ($shards shards, parallelism $parallelism, dump $dump); to run this night again, pass --night $night"

ensure_job "$shards_job" shards-job.yaml
wait_for_job "$shards_job" || {
    log "a shard failed: see kubectl logs -l proofmark/night=$night_id,app.kubernetes.io/component=shard --prefix"
    log "fix the cause, then run the same command with --night $night --retry (every shard resumes its run)"
    exit 1
}

ensure_job "$merge_job" merge-job.yaml
wait_for_job "$merge_job" || {
    log "the merge failed: see kubectl logs job/$merge_job"
    exit 1
}
log "merged: /state/out/state.sqlite, findings.jsonl, run.json and report/ on the proofmark-state volume"
