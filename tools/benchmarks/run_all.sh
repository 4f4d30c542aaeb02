#!/usr/bin/env bash
# Runs the Neurite / numpy / PyTorch comparison RUNS times each (separate processes, interleaved),
# logs every run under OUT, then prints the summary table (summarize.py).
#
#   tools/benchmarks/run_all.sh [RUNS]          # default 3 runs of everything
#   PRODUCTS=1 tools/benchmarks/run_all.sh      # also JMH ProductBenchmark, n=256,512,1024, 1 thread
#   OUT=/tmp/mydir NUMPY_PYTHONS="python3 /usr/bin/python3" TORCH_PYTHON=/usr/bin/python3 ...
#   OUT=/tmp/mydir FIRST=6 ONLY='-t2$' tools/benchmarks/run_all.sh 10   # add runs 6..10 of the
#                                      # entries whose log name matches the (grep -E) regex ONLY
#
# Needs benchmarks/target/neurite-benchmarks.jar (mvn -B -o -q -pl benchmarks -am package -DskipTests).
# Before each run it waits (up to 2 minutes) until the machine is idle (<10% CPU busy over 1 s).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-3}
OUT=${OUT:-/tmp/neurite-compare-$(date +%Y%m%d-%H%M%S)}
NUMPY_PYTHONS=${NUMPY_PYTHONS:-"python3 /usr/bin/python3"}
TORCH_PYTHON=${TORCH_PYTHON:-/usr/bin/python3}
JAR=$ROOT/benchmarks/target/neurite-benchmarks.jar
AVX512=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "missing $JAR: build it first" >&2; exit 1; }

cpu_busy_pct() {  # percentage of all CPU time that was busy over the next second
    local a b
    read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < /proc/stat
    sleep 1
    read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < /proc/stat
    local busy=$(( (u2+n2+s2+q2+sq2+st2) - (u1+n1+s1+q1+sq1+st1) ))
    local idle=$(( (i2+w2) - (i1+w1) ))
    echo $(( 100 * busy / (busy + idle + 1) ))
}

wait_quiet() {
    local waited=0 busy
    while busy=$(cpu_busy_pct); [ "$busy" -ge 10 ]; do
        if [ $waited -ge 120 ]; then
            echo "warning: machine still ${busy}% busy after ${waited}s; measuring anyway" | tee -a "$OUT/warnings.txt"
            return
        fi
        sleep 4; waited=$((waited + 5))
    done
}

run() {  # run NAME COMMAND... -> $OUT/NAME.$i.log
    local name=$1; shift
    if [ -n "${ONLY:-}" ] && ! grep -qE -- "$ONLY" <<<"$name"; then return; fi
    wait_quiet
    echo "[$(date +%T) load $(cut -d' ' -f1 /proc/loadavg)] $name (run $i)"
    echo "# $*" > "$OUT/$name.$i.log"
    "$@" >> "$OUT/$name.$i.log" 2>&1 || echo "  FAILED: see $OUT/$name.$i.log"
}

# Tag each numpy interpreter: pyenv/pip numpy vs Debian's.
py_tag() { "$1" -c 'import numpy,sys; print(("np" + numpy.__version__).replace(".", "_"))' 2>/dev/null; }

{
    echo "date: $(date -Is)"
    echo "nproc: $(nproc)"
    grep -m1 'model name' /proc/cpuinfo
    echo "flags(avx512): $(grep -m1 -o 'avx512[a-z_0-9]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
    java -version 2>&1 | head -2
    for py in $NUMPY_PYTHONS; do echo "$py: $($py -c 'import sys,numpy; print(sys.version.split()[0], "numpy", numpy.__version__)' 2>&1)"; done
    echo "$TORCH_PYTHON: $($TORCH_PYTHON -c 'import torch; print("torch", torch.__version__)' 2>&1)"
    env | grep '^OPENBLAS_' || true
} > "$OUT/machine.${FIRST:-1}.txt"
cat "$OUT/machine.${FIRST:-1}.txt"

for i in $(seq "${FIRST:-1}" "$RUNS"); do
    run neurite-portable java -cp "$JAR" org.neurite.benchmarks.TrainingThroughput --epochs 3 --threads 1,2
    run neurite-vector java --add-modules jdk.incubator.vector -cp "$JAR" \
        org.neurite.benchmarks.TrainingThroughput --epochs 3 --threads 1,2
    for py in $NUMPY_PYTHONS; do
        tag=$(py_tag "$py") || continue
        for t in 1 2; do
            run "numpy-$tag-haswell-t$t" "$py" "$HERE/numpy_fashion.py" --threads $t --epochs 3
            run "numpy-$tag-avx512-t$t" "${AVX512[@]}" "$py" "$HERE/numpy_fashion.py" --threads $t --epochs 3
        done
        run "xor-numpy-$tag" "$py" "$HERE/numpy_xor.py"
    done
    for t in 1 2; do
        run "torch-haswell-t$t" "$TORCH_PYTHON" "$HERE/torch_fashion.py" --threads $t --epochs 3
        run "torch-avx512-t$t" "${AVX512[@]}" "$TORCH_PYTHON" "$HERE/torch_fashion.py" --threads $t --epochs 3
    done
    # torch's OpenMP workers spin-wait by default and fight OpenBLAS's own worker for 2 cores:
    run torch-haswell-omp_passive-t2 env OMP_WAIT_POLICY=PASSIVE "$TORCH_PYTHON" "$HERE/torch_fashion.py" --threads 2 --epochs 3
    run xor-torch "$TORCH_PYTHON" "$HERE/torch_xor.py"
    run xor-neurite java -jar "$JAR" XorBenchmark
done

i=1
for py in $NUMPY_PYTHONS; do
    tag=$(py_tag "$py") || continue
    run "sgemm-$tag-haswell" "$py" "$HERE/numpy_sgemm.py" --threads 1
    run "sgemm-$tag-avx512" "${AVX512[@]}" "$py" "$HERE/numpy_sgemm.py" --threads 1
done
if [ "${PRODUCTS:-0}" = 1 ]; then
    run products-neurite java -jar "$JAR" ProductBenchmark -p threads=1 -p shape=256,512,1024,64x784x256,784x64x256,64x256x784
fi

python3 "$HERE/summarize.py" "$OUT" | tee "$OUT/summary.md"
