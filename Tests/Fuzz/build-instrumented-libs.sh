#!/usr/bin/env bash
# Builds libjpeg-turbo 2.1.5 and libpng 1.6.39 from the Debian bookworm source packages (the versions Proofmark
# links) with AddressSanitizer and libFuzzer coverage instrumentation, as static libraries, so that the sanitizer
# harness also sees bad memory accesses made inside the libraries on the shim's buffers, and libFuzzer gets
# coverage feedback from the decoders themselves.
#
#   Tests/Fuzz/build-instrumented-libs.sh [DIR]     (default ${XDG_CACHE_HOME:-~/.cache}/proofmark-fuzz-libs)
#
# Prints DIR on success. DIR/include holds the headers, DIR/lib/libjpeg.a and DIR/lib/libpng16.a the libraries.
# Needs apt-get (source packages are fetched with a private sources list; the system's apt setup is untouched),
# dpkg-source, cmake and clang. UBSan is deliberately not used inside the libraries: their own benign UB would
# stop the run without saying anything about the shim.
set -euo pipefail

out=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/proofmark-fuzz-libs}
cc=${CC:-clang}
if [ -f "$out/lib/libjpeg.a" ] && [ -f "$out/lib/libpng16.a" ]; then
    echo "$out"
    exit 0
fi
for tool in apt-get dpkg-source cmake make "$cc"; do
    command -v "$tool" >/dev/null || { echo "build-instrumented-libs.sh: $tool is missing" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/proofmark-libs.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/apt/lists/partial" "$work/src"
# bookworm main only: the security suite's index can name a libpng revision its pool no longer serves.
echo "deb-src http://deb.debian.org/debian bookworm main" >"$work/apt/sources.list"
apt=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o "Dir::Etc::SourceParts=$work/apt/none"
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache")
apt-get "${apt[@]}" update >"$work/apt.log" 2>&1
(cd "$work/src" && apt-get "${apt[@]}" source --download-only libjpeg-turbo=1:2.1.5-2 libpng1.6 >>"$work/apt.log" 2>&1)
(cd "$work/src" && dpkg-source -x libjpeg-turbo_2.1.5-*.dsc jpeg >/dev/null 2>&1 && dpkg-source -x libpng1.6_1.6.39-*.dsc png >/dev/null 2>&1)

flags="-g -O1 -fsanitize=address -fsanitize=fuzzer-no-link -fno-omit-frame-pointer"
cmake -S "$work/src/jpeg" -B "$work/jpeg-build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$flags" \
    -DCMAKE_BUILD_TYPE=None -DWITH_SIMD=0 -DENABLE_SHARED=0 -DWITH_TURBOJPEG=0 >"$work/jpeg-cmake.log"
make -C "$work/jpeg-build" -j"$(nproc)" jpeg-static >"$work/jpeg-make.log"
cmake -S "$work/src/png" -B "$work/png-build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$flags" \
    -DCMAKE_BUILD_TYPE=None -DPNG_SHARED=OFF -DPNG_TESTS=OFF -DPNG_HARDWARE_OPTIMIZATIONS=OFF >"$work/png-cmake.log"
make -C "$work/png-build" -j"$(nproc)" png_static >"$work/png-make.log"

mkdir -p "$out/include" "$out/lib"
cp "$work/src/jpeg"/{jpeglib.h,jmorecfg.h,jerror.h} "$work/jpeg-build"/jconfig.h "$out/include/"
cp "$work/src/png"/{png.h,pngconf.h} "$work/png-build/pnglibconf.h" "$out/include/"
cp "$work/jpeg-build/libjpeg.a" "$work/png-build/libpng16.a" "$out/lib/"
ls "$work/src"/*.dsc | xargs -n1 basename >"$out/SOURCES"
echo "$out"
