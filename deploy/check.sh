#!/usr/bin/env bash
# Checks deploy/ without a cluster: every YAML file parses, the shell scripts pass bash -n and shellcheck, the
# filled-in Kubernetes manifests validate against the API schema (when kubernetes-validate is installed), and the
# pods' scripts and the Slurm scripts run end to end against a stand-in proofmark that records its arguments,
# writes a state file per shard and, like the real merge, refuses a missing shard or shards of different nights.
#
#   deploy/check.sh            # pip install pyyaml kubernetes-validate; apt-get install shellcheck gettext-base
#
# KEEP_WORK=1 keeps the scratch folder (the stand-in's log, the extracted pod scripts, the states) and names it.
#
# Exit status 0 when every check that could run passed; the ones skipped for a missing tool are named.
set -euo pipefail

deploy=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
if [[ -n ${KEEP_WORK:-} ]]; then echo "scratch folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
passed=0
failed=0
skipped=()

ok() {
    passed=$((passed + 1))
    echo "ok: $1"
}
not_ok() {
    failed=$((failed + 1))
    echo "FAILED: $1" >&2
}
check() {
    local what=$1
    shift
    if "$@" >"$work/last.log" 2>&1; then ok "$what"; else
        not_ok "$what"
        sed 's/^/    /' "$work/last.log" >&2
    fi
}

python=${PYTHON:-python3}
night=2026-11-30T02:00:00Z
stamp=20261130T020000Z
shards=3

# 1. YAML ---------------------------------------------------------------------------------------------------------
"$deploy/kubernetes/run-night.sh" --dump /input/dumps/2026-11-30/dump.jsonl --shards "$shards" --night "$night" \
    --print >"$work/rendered.yaml"
if "$python" -c 'import yaml' 2>/dev/null; then
    for file in "$deploy"/kubernetes/*.yaml "$work/rendered.yaml"; do
        check "YAML parses: ${file#"$deploy"/}" "$python" -c \
            'import sys, yaml; docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]; assert docs' "$file"
    done
else
    skipped+=("YAML parsing (pip install pyyaml)")
fi
check "no template variable left after filling in" bash -c "! grep -n '\\\${' '$work/rendered.yaml'"

# 2. Shell --------------------------------------------------------------------------------------------------------
scripts=("$deploy/check.sh" "$deploy/kubernetes/run-night.sh" "$deploy"/slurm/*.sh "$deploy"/slurm/*.sbatch)
for script in "${scripts[@]}"; do
    check "bash -n ${script#"$deploy"/}" bash -n "$script"
done
if command -v shellcheck >/dev/null; then
    for script in "${scripts[@]}"; do
        check "shellcheck ${script#"$deploy"/}" shellcheck "$script"
    done
else
    skipped+=("shellcheck (apt-get install shellcheck)")
fi

# 3. Kubernetes schema --------------------------------------------------------------------------------------------
validator=${KUBERNETES_VALIDATE:-$(command -v kubernetes-validate || true)}
if [[ -n $validator ]]; then
    # 1.29: the first release with backoffLimitPerIndex and podReplacementPolicy on by default.
    for version in 1.29.0 1.33.0 "$("$validator" --help | sed -n 's/.*Defaults to \([0-9.]*\).*/\1/p' | head -1)"; do
        [[ -n $version ]] || continue
        check "schema $version (strict): shards and merge Jobs, volumes" \
            "$validator" --strict --quiet -k "$version" "$work/rendered.yaml" "$deploy/kubernetes/volumes.yaml"
    done
else
    skipped+=("Kubernetes schema (pip install kubernetes-validate, or KUBERNETES_VALIDATE=path)")
fi

# 3b. Dockerfile: parses (with the Python binding of the BuildKit parser, when installed), and on Debian 12 every
# package it installs has a candidate version.
if "$python" -c 'import dockerfile' 2>/dev/null; then
    check "Dockerfile parses" "$python" -c 'import sys, dockerfile; dockerfile.parse_file(sys.argv[1])' \
        "$deploy/Dockerfile"
else
    skipped+=("Dockerfile parsing (pip install dockerfile)")
fi
debian_packages() {
    # The words after "install -y --no-install-recommends" up to the "&& rm" of each RUN.
    tr '\n' ' ' <"$deploy/Dockerfile" | sed 's/\\ / /g' |
        grep -o 'no-install-recommends[^&]*' | sed 's/no-install-recommends//' | tr -s ' ' '\n' | sed '/^$/d'
}
has_candidates() {
    local package candidate missing=0
    for package in $(debian_packages); do
        candidate=$(apt-cache policy "$package" | sed -n 's/^ *Candidate: //p')
        if [[ -z $candidate || $candidate == "(none)" ]]; then
            echo "no candidate for $package"
            missing=1
        else
            echo "$package $candidate"
        fi
    done
    return "$missing"
}
if grep -q '^VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null && command -v apt-cache >/dev/null; then
    check "Debian bookworm has every package the Dockerfile installs ($(debian_packages | wc -l))" has_candidates
else
    skipped+=("Dockerfile packages (needs Debian 12 with apt lists)")
fi

# 4. A stand-in proofmark -----------------------------------------------------------------------------------------
mkdir -p "$work/bin"
cat >"$work/bin/proofmark" <<'STUB'
#!/usr/bin/env bash
# Records its arguments; `run` writes its --now and shard into the state file, `merge` refuses a missing state or
# states of different nights or shard counts and writes run.json with the run id, `report` writes an index.
set -euo pipefail
echo "proofmark $*" >>"$STUB_LOG"
command=$1
shift
case $command in
    run)
        state="" now="" shard=""
        while (($#)); do
            case $1 in
                --state) state=$2; shift 2 ;;
                --now) now=$2; shift 2 ;;
                --shard) shard=$2; shift 2 ;;
                --*) shift 2 ;;
                *) echo "unexpected argument $1" >&2; exit 64 ;;
            esac
        done
        if [[ -z $shard ]]; then
            if [[ -n ${JOB_COMPLETION_INDEX:-} ]]; then
                shard="$((JOB_COMPLETION_INDEX + 1))/$PROOFMARK_SHARD_COUNT"
            elif [[ -n ${SLURM_ARRAY_TASK_ID:-} ]]; then
                shard="$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))/$SLURM_ARRAY_TASK_COUNT"
            else
                shard=1/1
            fi
        fi
        echo "run shard=$shard now=$now state=$state" >>"$STUB_LOG"
        mkdir -p "$(dirname "$state")"
        printf '%s %s\n' "$now" "$shard" >"$state"
        ;;
    merge)
        into="" out="" states=()
        while (($#)); do
            case $1 in
                --into) into=$2; shift 2 ;;
                --out) out=$2; shift 2 ;;
                *) states+=("$1"); shift ;;
            esac
        done
        nights=() counts=() seen=()
        for state in "${states[@]}"; do
            [[ -f $state ]] || { echo "merge: $state is missing" >&2; exit 1; }
            read -r now shard <"$state"
            nights+=("$now")
            counts+=("${shard#*/}")
            seen+=("${shard%/*}")
        done
        [[ $(printf '%s\n' "${nights[@]}" | sort -u | wc -l) == 1 ]] || { echo "merge: different nights" >&2; exit 1; }
        [[ $(printf '%s\n' "${counts[@]}" | sort -u | wc -l) == 1 ]] || { echo "merge: different counts" >&2; exit 1; }
        [[ ${counts[0]} == "${#states[@]}" ]] || { echo "merge: shards missing" >&2; exit 1; }
        [[ $(printf '%s\n' "${seen[@]}" | sort -u | wc -l) == "${#states[@]}" ]] || { echo "merge: duplicate" >&2; exit 1; }
        mkdir -p "$out"
        : >"$into"
        printf '{"run_id":"r-%s-0123abcd","status":"completed"}\n' "$(tr -d ':-' <<<"${nights[0]}")" >"$out/run.json"
        : >"$out/findings.jsonl"
        ;;
    --help)
        # Like proofmark's help, with the subcommands this stand-in has (the scripts look for `report` here).
        printf 'SUBCOMMANDS:\n  run\n  merge\n  report\n'
        ;;
    report)
        out=""
        while (($#)); do case $1 in --out) out=$2; shift 2 ;; *) shift 2 ;; esac; done
        mkdir -p "$out/report"
        echo "<html></html>" >"$out/report/index.html"
        ;;
    *) exit 64 ;;
esac
STUB
chmod +x "$work/bin/proofmark"
export STUB_LOG="$work/stub.log"

# 5. The pods' scripts, as sh runs them in the image, with /state and /input moved into the scratch folder ---------
# (Kubernetes would expand $(NAME) in args: the scripts must not contain "$(".)
"$python" - "$work/rendered.yaml" "$work" <<'PY' || not_ok "extracting the pods' scripts"
import re, sys, yaml
rendered, work = sys.argv[1], sys.argv[2]
for doc in yaml.safe_load_all(open(rendered)):
    component = doc["metadata"]["labels"]["app.kubernetes.io/component"]
    container = doc["spec"]["template"]["spec"]["containers"][0]
    script = container["args"][0]
    assert "$(" not in script, component + ": $( in args would be expanded by Kubernetes"
    for mount in ("/state", "/input"):
        script = re.sub(r'(?<=[\s"=])' + mount + r'(?=[/\s"]|$)', work + "/k8s" + mount, script)
    open(f"{work}/{component}.sh", "w").write(script)
    with open(f"{work}/{component}.env", "w") as env:
        for item in container["env"]:
            env.write(f"export {item['name']}='{item['value']}'\n")
PY
k8s_pods() {
    local index
    mkdir -p "$work/k8s/state"
    for ((index = 0; index < shards; index++)); do
        (
            # shellcheck disable=SC1091
            . "$work/shard.env"
            PATH="$work/bin:$PATH" JOB_COMPLETION_INDEX=$index sh "$work/shard.sh"
        ) || return 1
    done
    grep -q "run shard=1/$shards now=$night state=$work/k8s/state/shard-1/state.sqlite" "$STUB_LOG" &&
        grep -q "run shard=$shards/$shards now=$night" "$STUB_LOG" &&
        grep -q -- "--image-cache $work/k8s/state/shard-2/image-cache" "$STUB_LOG"
}
k8s_merge() {
    (
        # shellcheck disable=SC1091
        . "$work/merge.env"
        PATH="$work/bin:$PATH" sh "$work/merge.sh"
    ) && grep -q "\"run_id\":\"r-$stamp-" "$work/k8s/state/out/run.json" &&
        [[ -f $work/k8s/state/out/report/index.html ]]
}
k8s_other_count() {
    # The states are pinned to 3 shards: a Job of 4 must stop with 64 (FailIndex) before running proofmark.
    local status=0
    (
        # shellcheck disable=SC1091
        . "$work/shard.env"
        PATH="$work/bin:$PATH" JOB_COMPLETION_INDEX=0 PROOFMARK_SHARD_COUNT=4 sh "$work/shard.sh"
    ) || status=$?
    [[ $status == 64 ]]
}
k8s_missing_shard() {
    rm "$work/k8s/state/shard-2/state.sqlite"
    ! k8s_merge
}
if [[ -f $work/shard.sh ]]; then
    check "Kubernetes: $shards shard pods run proofmark with their shard, state, --now" k8s_pods
    check "Kubernetes: merge pod merges shard-1..$shards, checks tonight's run id, writes the report" k8s_merge
    check "Kubernetes: a Job with another shard count stops with exit status 64" k8s_other_count
    check "Kubernetes: merge pod fails when a shard's state is missing" k8s_missing_shard
fi

# 5b. run-night.sh against a stand-in kubectl whose Jobs complete at once, or fail when named in FAIL_JOBS ------
cat >"$work/bin/kubectl" <<'STUB'
#!/usr/bin/env bash
# Jobs are files in $KUBE_DIR holding their True conditions; `create` completes a Job at once unless its name is in
# $FAIL_JOBS. Records each call in $KUBE_LOG.
set -euo pipefail
echo "kubectl $*" >>"$KUBE_LOG"
while [[ ${1-} == --namespace ]]; do shift 2; done
case "$1 ${2-}" in
    "get job")
        [[ -f $KUBE_DIR/$3 ]] || { echo "Error from server (NotFound): jobs \"$3\" not found" >&2; exit 1; }
        case "${5-}" in
            *conditions\[\?\(@.status*) cat "$KUBE_DIR/$3" ;;
            *failedIndexes*) echo "1" ;;
            *message*) echo "Job has failed indexes" ;;
        esac
        ;;
    "create -f")
        name=$(sed -n 's/^  name: //p' | head -1)
        if [[ " ${FAIL_JOBS:-} " == *" $name "* ]]; then echo "Failed " >"$KUBE_DIR/$name"; else
            echo "SuccessCriteriaMet Complete " >"$KUBE_DIR/$name"
        fi
        echo "job.batch/$name created"
        ;;
    "delete job") rm -f "$KUBE_DIR/$3" ;;
    *) echo "unexpected: $*" >&2; exit 1 ;;
esac
STUB
chmod +x "$work/bin/kubectl"
run_night() {
    PATH="$work/bin:$PATH" KUBE_DIR="$work/kube" KUBE_LOG="$work/kube.log" POLL_SECONDS=0 \
        "$deploy/kubernetes/run-night.sh" --dump /input/dumps/2026-11-30/dump.jsonl --shards "$shards" \
        --night "$night" "$@"
}
run_night_completes() {
    rm -rf "$work/kube" && mkdir -p "$work/kube" && : >"$work/kube.log"
    run_night && [[ -f $work/kube/proofmark-shards-20261130t020000z && -f $work/kube/proofmark-merge-20261130t020000z ]]
}
run_night_stops_on_failed_shards() {
    rm -rf "$work/kube" && mkdir -p "$work/kube" && : >"$work/kube.log"
    ! FAIL_JOBS=proofmark-shards-20261130t020000z run_night &&
        [[ ! -f $work/kube/proofmark-merge-20261130t020000z ]] &&
        # Again without --retry: the failed Job is left as it is.
        ! run_night && ! grep -q "delete job" "$work/kube.log" &&
        # With --retry: deleted, created again, then the merge.
        run_night --retry && grep -q "delete job proofmark-shards-20261130t020000z" "$work/kube.log" &&
        [[ -f $work/kube/proofmark-merge-20261130t020000z ]]
}
check "run-night.sh: shards Job, then the merge Job once it is Complete" run_night_completes
check "run-night.sh: no merge after failed shards; --retry recreates the failed Job" run_night_stops_on_failed_shards

# 6. Slurm ----------------------------------------------------------------------------------------------------------
slurm_env=(NIGHT="$night" DUMP=/shared/dump.jsonl REGISTRY=/shared/registry.yaml STATE_ROOT="$work/slurm"
    PROOFMARK="$work/bin/proofmark")
slurm_array() {
    local task
    for ((task = 1; task <= shards; task++)); do
        env "${slurm_env[@]}" SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=$shards \
            SLURM_CPUS_PER_TASK=2 SHARDS=$shards bash "$deploy/slurm/proofmark-array.sbatch" || return 1
    done
    grep -q "run shard=2/$shards now=$night state=$work/slurm/shard-2/state.sqlite" "$STUB_LOG"
}
slurm_retry() {
    # Resubmitting shard 2 alone (--array=2): the array's size is 1, so the script must name the shard.
    env "${slurm_env[@]}" SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=2 SLURM_ARRAY_TASK_COUNT=1 SHARDS=$shards \
        bash "$deploy/slurm/proofmark-array.sbatch" &&
        tail -1 "$STUB_LOG" | grep -q "run shard=2/$shards " &&
        grep -q -- "--shard 2/$shards" "$STUB_LOG"
}
slurm_retry_without_shards() {
    local status=0
    env "${slurm_env[@]}" SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=2 SLURM_ARRAY_TASK_COUNT=1 \
        bash "$deploy/slurm/proofmark-array.sbatch" || status=$?
    [[ $status == 64 ]]
}
slurm_merge() {
    env "${slurm_env[@]}" SHARDS=$shards bash "$deploy/slurm/proofmark-merge.sbatch" &&
        grep -q "\"run_id\":\"r-$stamp-" "$work/slurm/out/run.json" && [[ -f $work/slurm/out/report/index.html ]]
}
slurm_stale_shard() {
    # Shard 3 rerun on another night: the merge must refuse.
    env "${slurm_env[@]}" NIGHT=2026-12-01T02:00:00Z SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 \
        SLURM_ARRAY_TASK_COUNT=$shards bash "$deploy/slurm/proofmark-array.sbatch" &&
        ! env "${slurm_env[@]}" SHARDS=$shards bash "$deploy/slurm/proofmark-merge.sbatch"
}
slurm_submit() {
    "$deploy/slurm/submit-night.sh" --dump /shared/dump.jsonl --registry /shared/registry.yaml \
        --state-root /shared/proofmark --shards "$shards" --night "$night" --dry-run 2>"$work/submit.log" &&
        grep -q -- "--array=1-$shards" "$work/submit.log" &&
        grep -q -- "--dependency=afterok:DRYRUN" "$work/submit.log"
}
check "Slurm: array tasks 1..$shards run proofmark with their shard, state, --now" slurm_array
check "Slurm: a resubmitted single task names its shard with --shard K/N" slurm_retry
check "Slurm: a partial array without SHARDS is refused (64)" slurm_retry_without_shards
check "Slurm: merge job merges, checks tonight's run id, writes the report" slurm_merge
check "Slurm: merge fails when one shard is from another night" slurm_stale_shard
check "Slurm: submit-night.sh --dry-run queues the array and the merge afterok" slurm_submit

echo
for item in ${skipped[@]+"${skipped[@]}"}; do echo "skipped: $item"; done
echo "deploy: $passed passed, $failed failed"
((failed == 0))
