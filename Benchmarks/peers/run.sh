#!/bin/sh
# Side-by-side throughput of proofmark, pdqhash, ImageHash and the libjpeg-turbo decode floor on one core.
#   Benchmarks/peers/run.sh [FOLDER] [--repeats N] [--proofmark PATH] [--no-build] [--no-taskset]
# See peers.py for what each row measures. Installs the Python peers when they are missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
if ! "$python" -c 'import PIL, numpy, pdqhash, imagehash' 2>/dev/null; then
    "$python" -m pip install --quiet pillow numpy pdqhash ImageHash
fi
exec "$python" "$here/peers.py" "$@"
