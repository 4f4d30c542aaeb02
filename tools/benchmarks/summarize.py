#!/usr/bin/env python3
"""Turns the logs written by run_all.sh into one markdown table (medians over runs).

    python3 summarize.py OUT_DIR
"""
import collections
import glob
import os
import re
import statistics
import sys

NEURITE = re.compile(r"^(portable|vector)\s+(\d+) threads?\s+([\d,]+) samples/s \(median\)", re.M)
PY = re.compile(r"^RESULT (?:numpy|torch) threads=(\d+) median_samples_per_s=(\d+)", re.M)
XOR_PY = re.compile(r"^RESULT \w+ median_ms_per_run=([\d.]+)", re.M)
XOR_JMH = re.compile(r"^XorBenchmark\.run\s+avgt\s+\d+\s+([\d.]+)", re.M)
SGEMM = re.compile(r"^RESULT sgemm n=(\d+) best ([\d.]+) GFLOP/s", re.M)
CORE = re.compile(r"core=(\w+)")
JMH_PRODUCT = re.compile(r"^ProductBenchmark\.run:gflops\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+([\d.]+)", re.M)


def main():
    out = sys.argv[1]
    samples = collections.defaultdict(list)   # (row, threads) -> [samples/s]
    xor = collections.defaultdict(list)       # row -> [ms]
    sgemm = {}
    cores = {}
    for path in sorted(glob.glob(os.path.join(out, "*.log"))):
        name = os.path.basename(path).rsplit(".", 2)[0]
        text = open(path, errors="replace").read()
        core = CORE.search(text)
        if core:
            cores[re.sub(r"-t\d$", "", name)] = core.group(1)
            cores[name] = core.group(1)
        if name.startswith("neurite-"):
            jvm = name.split("-", 1)[1]
            for backend, threads, rate in NEURITE.findall(text):
                label = "Neurite %s" % backend if backend == jvm else "Neurite %s (in the %s JVM)" % (backend, jvm)
                samples[(label, int(threads))].append(float(rate.replace(",", "")))
        elif name.startswith(("numpy-", "torch-")):
            label = re.sub(r"-t\d$", "", name)
            for threads, rate in PY.findall(text):
                samples[(label, int(threads))].append(float(rate))
        elif name.startswith("xor-"):
            m = XOR_JMH.search(text) or XOR_PY.search(text)
            if m:
                xor[name[4:]].append(float(m.group(1)))
        elif name.startswith("sgemm-"):
            sgemm[name[6:]] = [(int(n), float(g)) for n, g in SGEMM.findall(text)]
            if core:
                cores[name] = core.group(1)

    def fmt(values):
        if not values:
            return "–"
        med = statistics.median(values)
        return "%s (%s–%s, n=%d)" % (f"{med:,.0f}", f"{min(values):,.0f}", f"{max(values):,.0f}", len(values))

    rows = sorted({label for label, _ in samples}, key=lambda r: (not r.startswith("Neurite"), "(in" in r, r))
    print("## Training throughput, samples/s (median of runs; min–max; n runs)\n")
    print("| implementation | kernel | 1 thread | 2 threads |")
    print("|---|---|---|---|")
    for row in rows:
        print("| %s | %s | %s | %s |" % (row, cores.get(row, ""), fmt(samples.get((row, 1), [])),
                                        fmt(samples.get((row, 2), []))))
    print("\n## XOR, 1000 epochs, ms per run (median of runs; min–max)\n")
    print("| implementation | ms/run |")
    print("|---|---|")
    for row, values in sorted(xor.items()):
        print("| %s | %.2f (%.2f–%.2f, n=%d) |" % (row, statistics.median(values), min(values), max(values),
                                                 len(values)))
    if sgemm:
        print("\n## numpy sgemm, 1 thread, best GFLOP/s\n")
        sizes = sorted({n for v in sgemm.values() for n, _ in v})
        print("| numpy | kernel | " + " | ".join("n=%d" % n for n in sizes) + " |")
        print("|---|---|" + "---|" * len(sizes))
        for row, values in sorted(sgemm.items()):
            d = dict(values)
            print("| %s | %s | " % (row, cores.get("sgemm-" + row, "")) +
                  " | ".join("%.0f" % d[n] if n in d else "–" for n in sizes) + " |")
    for path in sorted(glob.glob(os.path.join(out, "products-*.log"))):
        lines = [l for l in open(path, errors="replace") if l.startswith(("Benchmark ", "ProductBenchmark.product:gflops"))]
        if lines:
            print("\n## Neurite JMH ProductBenchmark, GFLOP/s (%s)\n" % os.path.basename(path))
            print("```\n" + "".join(lines) + "```")


if __name__ == "__main__":
    main()
