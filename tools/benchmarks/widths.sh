#!/usr/bin/env bash
# Neurite against numpy + OpenBLAS at every vector width this machine can run, on JDK 17 and,
# if it is installed, another JDK (JDK25=/path/to/java), side by side in one run:
#   512-bit: C2 and OpenBLAS at their best (AVX-512 where the CPU has it);
#   256-bit: -XX:UseAVX=2 and OPENBLAS_CORETYPE=Haswell (AVX2, as on Zen 2-4 and most laptops);
#   128-bit: -XX:MaxVectorSize=16 (ARM NEON's width; Neurite's back ends against each other).
# Products (GFLOP/s), Fashion-MNIST training (samples/s) and predict latency (µs). Single-thread
# figures are also given per CPU second of the working thread ("cpu"), which stays close to a
# quiet machine's figure when other processes share the cores.
#
#   mvn -B -o -q -pl benchmarks -am package -DskipTests
#   tools/benchmarks/widths.sh            # OUT=/tmp/dir to choose where the logs go
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/benchmarks/target/neurite-benchmarks.jar
OUT=${OUT:-/tmp/neurite-widths-$(date +%Y%m%d-%H%M%S)}
JDK17=${JDK17:-java}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PYTHON=${PYTHON:-python3}
[ -f "$JAR" ] || { echo "missing $JAR: build it first" >&2; exit 1; }
mkdir -p "$OUT"

note() { echo "== $* [$(date +%T), load $(cut -d' ' -f1 /proc/loadavg)]" | tee -a "$OUT/all.log"; }
neurite() {  # neurite LABEL JAVA FLAGS...
    local label=$1 java=$2; shift 2
    local flags=("$@" --add-modules jdk.incubator.vector -cp "$JAR")
    note "neurite $label: $("$java" -version 2>&1 | head -1)"
    "$java" "${flags[@]}" org.neurite.benchmarks.ProductThroughput --threads 1 2>&1 | grep -v WARNING | tee -a "$OUT/all.log"
    "$java" "${flags[@]}" org.neurite.benchmarks.TrainingThroughput --epochs 3 --threads 1,2 2>&1 \
        | grep -E "samples/s \(median\)" | tee -a "$OUT/all.log"
    "$java" "${flags[@]}" org.neurite.benchmarks.PredictLatency --calls 10000 2>&1 | grep -E "kernels:|predict" | tee -a "$OUT/all.log"
}
numpy() {  # numpy LABEL ENV...
    local label=$1; shift
    note "numpy $label"
    env "$@" "$PYTHON" "$HERE/numpy_sgemm.py" --threads 1 2>&1 | grep -E "core=|RESULT" | sed 's/ config=.*//' | tee -a "$OUT/all.log"
    for t in 1 2; do
        env "$@" "$PYTHON" "$HERE/numpy_fashion.py" --threads $t --epochs 3 2>&1 | grep RESULT | tee -a "$OUT/all.log"
    done
}

grep -m1 "model name" /proc/cpuinfo | tee "$OUT/all.log"
grep -m1 -o -w avx512f /proc/cpuinfo >/dev/null && echo "AVX-512: yes" | tee -a "$OUT/all.log"
numpy "best kernels" -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE
numpy "AVX2 kernels" OPENBLAS_CORETYPE=Haswell
for java in ${JDKS:-"$JDK17" "$JDK25"}; do
    command -v "$java" >/dev/null 2>&1 || [ -x "$java" ] || continue
    neurite "widest vectors" "$java"
    neurite "256-bit (-XX:UseAVX=2)" "$java" -XX:UseAVX=2
    neurite "128-bit (-XX:MaxVectorSize=16)" "$java" -XX:MaxVectorSize=16
done
echo "logs: $OUT/all.log"
