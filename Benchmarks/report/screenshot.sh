#!/usr/bin/env bash
# Screenshots a morning report, and the first claim chart its bundles hold, in headless Chromium, so a person can
# look at them without opening a browser:
#
#   Benchmarks/report/screenshot.sh OUT [WIDTHxHEIGHT]
#
# OUT is a run's output folder (proofmark run --out, or proofmark report --out). Writes
#   OUT/report/screenshot.png         the report's first screen (default 1400x1000)
#   OUT/report/screenshot-full.png    the report's first 5000 px, to see the table
#   OUT/report/claim-chart.png        the first bundle's data/claim-chart.html, when there is one
#   OUT/report/claim-chart.pdf        the same claim chart printed to PDF (its @media print rules)
# Needs Chromium (Debian: apt-get install chromium). Runs with --no-sandbox when run as root, as Chromium requires.
set -euo pipefail

out=${1:?usage: $0 OUT [WIDTHxHEIGHT]}
size=${2:-1400x1000}
width=${size%x*}
height=${size#*x}
report="$out/report/index.html"
[[ -f $report ]] || { echo "$report: no report (run proofmark report --state FILE --out $out)" >&2; exit 1; }

chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[[ -n $chromium ]] || { echo "no chromium on PATH (Debian: apt-get install chromium)" >&2; exit 1; }
flags=(--headless --disable-gpu --hide-scrollbars)
[[ $(id -u) == 0 ]] && flags+=(--no-sandbox)

url() { echo "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }

shoot() { # PAGE PNG WIDTH HEIGHT
    # A few seconds of virtual time, so the thumbnails the page asks for have loaded when it is captured.
    "$chromium" "${flags[@]}" --virtual-time-budget=5000 --window-size="$3,$4" --screenshot="$2" "$(url "$1")" \
        >/dev/null 2>&1
    echo "wrote $2"
}

shoot "$report" "$out/report/screenshot.png" "$width" "$height"
shoot "$report" "$out/report/screenshot-full.png" "$width" 5000

chart=$(find "$out/bundles" -path '*/data/claim-chart.html' -print 2>/dev/null | sort | head -n 1 || true)
if [[ -n $chart ]]; then
    shoot "$chart" "$out/report/claim-chart.png" 1100 1400
    "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report/claim-chart.pdf" "$(url "$chart")" \
        >/dev/null 2>&1
    echo "wrote $out/report/claim-chart.pdf"
fi
