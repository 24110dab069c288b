#!/usr/bin/env bash
# Address- and undefined-behaviour-sanitizer run over Sources/CImageCodecs, the only code that calls libjpeg,
# libpng (and libwebp). Builds Tests/Fuzz/mutate_and_decode.c against the current sources, gathers a seed corpus
# (the PDQ test vectors of Tests/PerceptualHashTests/Fixtures/pdq under 200 KB plus downscaled copies of any larger
# ones, Samples/images, Tests/ImagingTests/Fixtures, and the images make_seeds.py generates), then decodes every
# seed and FUZZ_MUTATIONS deterministic mutations of each with every decoder (JPEG, PNG, and WebP when webp_decode.c
# exists).
# Optionally also runs the libFuzzer entry point fuzz_decode.c.
#
#   Tests/Fuzz/run-asan.sh [--libfuzzer SECONDS] [--instrumented-libs] [--keep]
#
# --libfuzzer N        also run libFuzzer for N seconds per decoder on the same seeds.
# --instrumented-libs  link libjpeg-turbo 2.1.5 and libpng 1.6.39 built with ASan and coverage from the Debian
#                      source packages (build-instrumented-libs.sh, cached), so bad accesses inside the libraries
#                      are caught too and libFuzzer gets coverage from the decoders. Without it the system libraries
#                      are used: ASan then sees the shim's own accesses and the libraries' memcpy/memset calls, not
#                      their other loads and stores. libwebp always stays the system's (loaded at run time).
# --keep               keep the work folder even when everything passed.
# Inputs saved in Tests/Fuzz/findings/ are replayed first (one process each, no mutations) as a regression check.
#
# Environment: FUZZ_MUTATIONS (per seed, default 150), FUZZ_SEED (PRNG seed, default 1), FUZZ_TIMEOUT (seconds per
# decode call, default 10), FUZZ_JOBS (parallel shards, default nproc), CC (default clang).
# Exits non-zero on any sanitizer report, crash, hang, leak or invariant violation; offending inputs are kept in
# the work folder it prints (copy the interesting ones to Tests/Fuzz/findings/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mutations=${FUZZ_MUTATIONS:-150}
prng_seed=${FUZZ_SEED:-1}
timeout=${FUZZ_TIMEOUT:-10}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
cc=${CC:-clang}
libfuzzer_seconds=0
instrumented=0
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --libfuzzer) libfuzzer_seconds=$2; shift 2 ;;
    --instrumented-libs) instrumented=1; shift ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--libfuzzer SECONDS] [--instrumented-libs] [--keep]" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/proofmark-asan.XXXXXX")
failed=0
finish() {
    if [ "$failed" = 0 ] && [ "$keep" = 0 ]; then
        rm -rf "$work"
    else
        echo "work folder kept: $work"
    fi
}
trap finish EXIT

start=$(date +%s)
sanitize=(-g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
linker=()
# Prefer lld: GNU gold prints a warning per ASan symbol.
if echo 'int main(void){return 0;}' | "$cc" -x c - -fuse-ld=lld -o "$work/probe" 2>/dev/null; then
    linker=(-fuse-ld=lld)
fi
sources=("$root"/Sources/CImageCodecs/*.c)
includes=(-I"$root/Sources/CImageCodecs/include")
libraries=(-ljpeg -lpng -lz)
decoders=(JPEG PNG)
webp=()
if [ -f "$root/Sources/CImageCodecs/webp_decode.c" ]; then # the WebP decoder, which loads libwebp.so.7 at run time
    webp=(-ldl)
    decoders+=(WEBP)
fi
if [ "$instrumented" = 1 ]; then
    libs=$(CC="$cc" "$here/build-instrumented-libs.sh")
    echo "== using instrumented libraries from $libs ($(tr '\n' ' ' <"$libs/SOURCES"))"
    includes+=(-I"$libs/include")
    libraries=("$libs/lib/libjpeg.a" "$libs/lib/libpng16.a" -lz -lm)
fi
libraries+=(${webp[@]+"${webp[@]}"})

echo "== building the harness with $("$cc" --version | head -1)"
"$cc" "${sanitize[@]}" -Wall -Wextra "${includes[@]}" "${linker[@]}" \
    "$here/mutate_and_decode.c" "${sources[@]}" "${libraries[@]}" -o "$work/mutate_and_decode"

echo "== gathering seeds"
mkdir -p "$work/seeds/pdq" "$work/seeds/samples" "$work/seeds/fixtures" "$work/seeds/generated" "$work/findings"
pdq="$root/Tests/PerceptualHashTests/Fixtures/pdq/images"
large=()
if [ -d "$pdq" ]; then
    while IFS= read -r -d '' file; do
        if [ "$(stat -c %s "$file")" -lt 204800 ]; then
            ln -s "$file" "$work/seeds/pdq/"
        else
            large+=("$file")
        fi
    done < <(find "$pdq" -maxdepth 1 -type f -print0 | sort -z)
fi
if [ -d "$root/Samples/images" ]; then
    find "$root/Samples/images" -maxdepth 1 -type f -size -2048k -exec ln -s {} "$work/seeds/samples/" \;
fi
fixtures="$root/Tests/ImagingTests/Fixtures"
if [ -d "$fixtures" ]; then
    # every image-ish file (corrupt ones included), not the expectations table or the generator script
    while IFS= read -r -d '' file; do
        name=$(echo "${file#"$fixtures"/}" | tr / -)
        ln -s "$file" "$work/seeds/fixtures/$name"
    done < <(find "$fixtures" -type f -size -2048k ! -name '*.tsv' ! -name '*.py' ! -name '*.md' ! -name '*.txt' \
        -print0 | sort -z)
fi
# pypng writes the Adam7 and 16-bit RGB seeds; install it into the work folder if it is missing.
if ! python3 -c 'import png' 2>/dev/null; then
    python3 -m pip install --quiet --target "$work/python" pypng >/dev/null 2>&1 || true
fi
PYTHONPATH="$work/python${PYTHONPATH:+:$PYTHONPATH}" python3 "$here/make_seeds.py" "$work/seeds/generated" \
    ${large[@]+"${large[@]}"}
seed_count=$(find -L "$work/seeds" -type f | wc -l)
echo "$seed_count seeds; $mutations mutations each, PRNG seed $prng_seed, $jobs parallel shards"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=1:max_allocation_size_mb=2048:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:report_error_type=1"

report_problems() { # log... (returns 1 when a log shows a problem)
    local found=0
    if grep -E -n -A40 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error:|\*\*\* (TIMEOUT|INVARIANT VIOLATION|sanitizer error)|offending input' "$@"; then
        found=1
    fi
    return $found
}

if [ -d "$here/findings" ] && [ -n "$(ls -A "$here/findings" 2>/dev/null)" ]; then
    echo "== replaying saved findings"
    for finding in "$here"/findings/*; do
        [ -f "$finding" ] || continue
        case "$finding" in *.md | *.txt) continue ;; esac
        name=$(basename "$finding")
        mkdir -p "$work/findings/replay-$name"
        if "$work/mutate_and_decode" -q -n 0 -t "$timeout" -o "$work/findings/replay-$name" "$finding" \
            >"$work/replay-$name.log" 2>&1 && report_problems "$work/replay-$name.log" >/dev/null; then
            echo "fixed:      $name"
        else
            echo "reproduces: $name"
            grep -E -m3 'TIMEOUT|ERROR:|runtime error:|INVARIANT' "$work/replay-$name.log" | sed 's/^/    /'
            failed=1
        fi
    done
fi

echo "== decoding seeds and mutants"
pids=()
for ((shard = 0; shard < jobs; shard++)); do
    "$work/mutate_and_decode" -n "$mutations" -s "$prng_seed" -t "$timeout" -o "$work/findings" \
        -j "$shard/$jobs" "$work/seeds" >"$work/shard-$shard.log" 2>&1 &
    pids+=($!)
done
for ((shard = 0; shard < jobs; shard++)); do
    if ! wait "${pids[$shard]}"; then
        echo "shard $shard/$jobs exited abnormally"
        failed=1
    fi
done

if ! report_problems "$work"/shard-*.log; then
    failed=1
fi

# One summary over all shards.
cat "$work"/shard-*.log | awk '
    /^inputs decoded per decoder:/ { inputs += $5; seeds += substr($6, 2); mutants += $9 }
    $3 == "calls:" { calls[$1] += $2; for (i = 4; i < NF; i += 2) { status[$1 " " $i] += $(i + 1); names[$i] = 1 } }
    /^PNG round trips/ { trips += $NF }
    /^invariant violations:/ { violations += $NF }
    END {
        printf "inputs decoded per decoder: %d (%d seeds + %d mutants)\n", inputs, seeds, mutants
        split("OK CORRUPT TRUNCATED TOO_LARGE EMPTY UNSUPPORTED OUT_OF_MEMORY INVALID_ARGUMENT", order, " ")
        for (d = 1; d <= 3; d++) {
            decoder = d == 1 ? "JPEG" : d == 2 ? "PNG" : "WEBP"
            if (!calls[decoder]) continue
            line = sprintf("%-4s %7d calls:", decoder, calls[decoder])
            for (k = 1; k <= 8; k++) if (status[decoder " " order[k]]) line = line sprintf(" %s %d", order[k], status[decoder " " order[k]])
            print line
        }
        printf "PNG round trips of decoded pictures: %d\ninvariant violations: %d\n", trips, violations
    }'
echo "mutation run: $(($(date +%s) - start)) s"

if [ "$libfuzzer_seconds" -gt 0 ]; then
    echo "== libFuzzer, $libfuzzer_seconds s per decoder"
    for decoder in "${decoders[@]}"; do
        binary="$work/fuzz_decode_$decoder"
        if ! "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
            -DFUZZ_DECODER=FUZZ_$decoder "${includes[@]}" "${linker[@]}" \
            "$here/fuzz_decode.c" "${sources[@]}" "${libraries[@]}" -o "$binary" 2>"$work/libfuzzer-build.log"; then
            echo "libFuzzer is not available with $cc here; skipping (see $work/libfuzzer-build.log)"
            break
        fi
        corpus="$work/corpus-$decoder"
        mkdir -p "$corpus" "$work/findings/libfuzzer-$decoder"
        find -L "$work/seeds" -type f -size -200k -exec cp {} "$corpus/" \; 2>/dev/null || true
        if ! (cd "$work/findings/libfuzzer-$decoder" &&
            "$binary" -max_total_time="$libfuzzer_seconds" -timeout="$timeout" -rss_limit_mb=4096 \
                -max_len=262144 -print_final_stats=1 -dict="$here/$(echo $decoder | tr A-Z a-z).dict" \
                "$corpus" >"$work/libfuzzer-$decoder.log" 2>&1); then
            echo "libFuzzer $decoder found a problem:"
            grep -E -A40 'ERROR:|runtime error:|INVARIANT|timeout' "$work/libfuzzer-$decoder.log" | head -80
            ls -l "$work/findings/libfuzzer-$decoder"
            failed=1
        fi
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ +DONE' "$work/libfuzzer-$decoder.log" |
            sed "s/^/$decoder: /"
    done
fi

echo "total: $(($(date +%s) - start)) s"
if [ "$failed" != 0 ]; then
    echo "FAILED: see the reports above; inputs are in $work/findings"
    exit 1
fi
echo "no sanitizer reports, crashes, hangs, leaks or invariant violations"
