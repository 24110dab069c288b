#!/usr/bin/env bash
# Queues one night on Slurm: the job array of N shards (proofmark-array.sbatch) and the merge
# (proofmark-merge.sbatch) with --dependency=afterok on the array, so the merge starts only when every task has
# exited 0. Returns once both are queued; prints their job ids.
#
#   deploy/slurm/submit-night.sh --dump /shared/dumps/2026-11-30/dump.jsonl --registry /shared/registry/registry.yaml \
#       --state-root /shared/proofmark --shards 4 [--night 2026-11-30T02:00:00Z]
#
# Retry the shards that failed (their reruns resume; the others are done) and queue the merge again:
#   deploy/slurm/submit-night.sh ...the same options... --night 2026-11-30T02:00:00Z --retry 3,5
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    cat <<'USAGE'
usage: submit-night.sh --dump PATH --registry PATH --state-root DIR --shards N [options]

  --dump PATH        tonight's dump, on storage every node reads
  --registry PATH    the registry file
  --state-root DIR   shared folder holding shard-1 ... shard-N (kept across nights) and out/ (the merge)
  --shards N         number of shards; keep it the same every night (see deploy/README.md)
  --night ISO        the run's clock, e.g. 2026-11-30T02:00:00Z (default: now); the same for every shard
  --retry LIST       submit only these shards (e.g. 3,5), then the merge after them
  --merge-only       submit the merge alone, at once (every shard of the night has completed)
  --min-score S      default 0.5
  --logs DIR         where the tasks' output goes (default STATE_ROOT/logs)
  --proofmark CMD    the binary on the nodes (default: proofmark on PATH)
  --dry-run          print the sbatch commands instead of running them
  any other option starting with --sbatch- is passed to both sbatch calls without the prefix, e.g.
  --sbatch-partition=batch --sbatch-account=brand --sbatch-time=06:00:00
USAGE
}

fail_usage() {
    echo "submit-night.sh: $1" >&2
    usage >&2
    exit 2
}

dump=""
registry=""
state_root=""
shards=""
night=""
retry=""
merge_only=false
min_score="0.5"
logs=""
proofmark="${PROOFMARK:-proofmark}"
dry_run=false
sbatch_options=()

while (($#)); do
    case "$1" in
        --dump) dump=${2-}; shift 2 || fail_usage "--dump needs a value" ;;
        --registry) registry=${2-}; shift 2 || fail_usage "--registry needs a value" ;;
        --state-root) state_root=${2-}; shift 2 || fail_usage "--state-root needs a value" ;;
        --shards) shards=${2-}; shift 2 || fail_usage "--shards needs a value" ;;
        --night) night=${2-}; shift 2 || fail_usage "--night needs a value" ;;
        --retry) retry=${2-}; shift 2 || fail_usage "--retry needs a value" ;;
        --min-score) min_score=${2-}; shift 2 || fail_usage "--min-score needs a value" ;;
        --logs) logs=${2-}; shift 2 || fail_usage "--logs needs a value" ;;
        --proofmark) proofmark=${2-}; shift 2 || fail_usage "--proofmark needs a value" ;;
        --merge-only) merge_only=true; shift ;;
        --dry-run) dry_run=true; shift ;;
        --sbatch-*=*) sbatch_options+=("--${1#--sbatch-}"); shift ;;
        -h | --help) usage; exit 0 ;;
        *) fail_usage "unknown argument: $1" ;;
    esac
done

[[ -n $dump && -n $registry && -n $state_root ]] || fail_usage "--dump, --registry and --state-root are required"
[[ $shards =~ ^[1-9][0-9]*$ ]] || fail_usage "--shards must be a positive integer"
[[ $min_score =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || fail_usage "--min-score must be between 0 and 1"
night=${night:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
[[ $night =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]] ||
    fail_usage "--night must be UTC ISO 8601, e.g. 2026-11-30T02:00:00Z"
logs=${logs:-$state_root/logs}

# The array: 1-N, or the shards to retry, each within 1...N.
if [[ -n $retry ]]; then
    [[ $retry =~ ^[0-9]+(,[0-9]+)*$ ]] || fail_usage "--retry takes shard numbers separated by commas, e.g. 3,5"
    IFS=, read -r -a retried <<<"$retry"
    for shard in "${retried[@]}"; do
        ((shard >= 1 && shard <= shards)) || fail_usage "--retry: $shard is not a shard of 1...$shards"
    done
    array=$retry
else
    array="1-$shards"
fi

# sbatch --export splits on commas, so no value may hold one; the paths must be the same on every node.
for value in "$dump" "$registry" "$state_root" "$logs" "$proofmark"; do
    [[ $value != *,* ]] || fail_usage "no commas in paths or the command (sbatch --export splits on them): $value"
done
for value in "$dump" "$registry" "$state_root" "$logs"; do
    [[ $value == /* ]] || fail_usage "paths must be absolute, as every node sees them: $value"
done

# SHARDS is always passed, so a retried task (whose array is not 1-N) still knows N.
export_list="ALL,NIGHT=$night,SHARDS=$shards,DUMP=$dump,REGISTRY=$registry,STATE_ROOT=$state_root"
export_list+=",MIN_SCORE=$min_score,PROOFMARK=$proofmark"

submit() {
    if $dry_run; then
        printf '%q ' sbatch "$@" >&2
        echo >&2
        echo "DRYRUN$RANDOM"
    else
        # --parsable prints "jobid" or "jobid;cluster".
        local id
        id=$(sbatch --parsable "$@")
        echo "${id%%;*}"
    fi
}

$dry_run || mkdir -p "$logs"
stamp=${night//[:-]/}
merge_options=()
array_id=""
if ! $merge_only; then
    array_id=$(submit --array="$array" --export="$export_list" \
        --job-name="proofmark-shard-$stamp" --output="$logs/shard-%a-%A.out" \
        "${sbatch_options[@]}" "$here/proofmark-array.sbatch")
    echo "submit-night.sh: night $night, shards $array of $shards: job $array_id" >&2
    # afterok on an array job waits for all of its tasks; --kill-on-invalid-dep cancels the merge when a task
    # fails, instead of leaving it pending for ever.
    merge_options=(--dependency="afterok:$array_id" --kill-on-invalid-dep=yes)
fi

merge_id=$(submit "${merge_options[@]}" --export="$export_list" \
    --job-name="proofmark-merge-$stamp" --output="$logs/merge-%j.out" \
    "${sbatch_options[@]}" "$here/proofmark-merge.sbatch")
echo "submit-night.sh: merge: job $merge_id${array_id:+, after $array_id}" >&2
echo "submit-night.sh: to rerun shards of this night, pass --night $night --retry K,... with the same options" >&2
printf '%s %s\n' "${array_id:--}" "$merge_id"
