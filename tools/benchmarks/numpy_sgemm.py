#!/usr/bin/env python3
"""numpy float32 matrix product GFLOP/s (OpenBLAS sgemm through ``@``), n x n, best of ``--reps``.

    python3 numpy_sgemm.py [--threads 1] [--sizes 256,512,1024] [--reps 20]

Run under ``env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE`` for OpenBLAS's own kernel choice.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasenv  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--sizes", default="256,512,1024")
    p.add_argument("--reps", type=int, default=20)
    args = p.parse_args()
    blasenv.set_threads_env(args.threads)
    import numpy as np
    blasenv.limit_threads(args.threads)

    print("numpy %s, python %s, %d thread(s)" % (np.__version__, sys.version.split()[0], args.threads))
    for line in blasenv.blas_report():
        print("  " + line)
    rng = np.random.default_rng(1)
    for n in (int(s) for s in args.sizes.split(",")):
        a = rng.random((n, n), dtype=np.float32)
        b = rng.random((n, n), dtype=np.float32)
        c = np.empty((n, n), dtype=np.float32)
        reps = max(args.reps, int(2e9 / (2 * n ** 3)))
        for _ in range(3):
            np.matmul(a, b, out=c)
        best = float("inf")
        times = []
        cpu = []
        for _ in range(reps):
            cpu_start = time.thread_time()
            start = time.perf_counter()
            np.matmul(a, b, out=c)
            t = time.perf_counter() - start
            cpu.append(time.thread_time() - cpu_start)
            times.append(t)
            best = min(best, t)
        flop = 2.0 * n ** 3
        print("RESULT sgemm n=%d best %.1f GFLOP/s, median %.1f GFLOP/s (%d reps)%s" % (
            n, flop / best / 1e9, flop / blasenv.median(times) / 1e9, reps, cpu_note(args.threads, flop, cpu)))
    # the Fashion-MNIST first layer's training products, batch 64 (as ProductThroughput)
    x = rng.random((64, 784), dtype=np.float32)
    w = rng.random((784, 256), dtype=np.float32)
    dy = rng.random((64, 256), dtype=np.float32)
    for name, f in (("forward 64x784.784x256", lambda: x @ w),
                    ("weights' gradient 784x64T.64x256", lambda: x.T @ dy),
                    ("inputs' gradient 64x256.(784x256)T", lambda: dy @ w.T)):
        for _ in range(20):
            f()
        times = []
        cpu = []
        for _ in range(400):
            cpu_start = time.thread_time()
            start = time.perf_counter()
            f()
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - cpu_start)
        flop = 2.0 * 64 * 784 * 256
        print("RESULT sgemm %s median %.1f GFLOP/s%s" % (name, flop / blasenv.median(times) / 1e9,
                                                        cpu_note(args.threads, flop, cpu)))


def cpu_note(threads, flop, cpu):
    """With one thread (OpenBLAS computes on the calling thread), the rate per CPU second of it:
    close to the quiet machine's rate while other processes share the cores."""
    if threads != 1:
        return ""
    return ", cpu %.1f GFLOP/s" % (flop / blasenv.median(cpu) / 1e9)


if __name__ == "__main__":
    main()
