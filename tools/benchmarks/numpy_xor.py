#!/usr/bin/env python3
"""The XOR reference run in plain numpy: per-op overhead of a tiny network.

A fresh 2 -> Dense 8 relu -> Dense 2 softmax network trained for 1000 epochs on the four XOR
samples in one batch (categorical cross-entropy, SGD 0.1), reshuffled each epoch, with the
training accuracy computed each epoch -- the same work as Neurite's XorBenchmark. Prints the
median time of one whole run (init + 1000 epochs) over ``--runs`` runs after ``--warmup`` runs.

    python3 numpy_xor.py [--runs 30] [--warmup 10] [--epochs 1000]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasenv  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--epochs", type=int, default=1000)
    args = p.parse_args()
    blasenv.set_threads_env(1)
    import numpy as np

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=np.float32)
    lr = np.float32(0.1)

    def run(seed):
        rng = np.random.default_rng(seed)
        w1 = rng.standard_normal((2, 8), dtype=np.float32) * np.float32(1.0)
        b1 = np.zeros(8, dtype=np.float32)
        w2 = rng.standard_normal((8, 2), dtype=np.float32) * np.float32(0.5)
        b2 = np.zeros(2, dtype=np.float32)
        inv_m = np.float32(1.0 / len(x))
        acc = 0.0
        for _ in range(args.epochs):
            order = rng.permutation(4)
            xb = x[order]
            yb = y[order]
            h = xb @ w1 + b1
            np.maximum(h, 0, out=h)
            z = h @ w2 + b2
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            acc = float(np.mean(p.argmax(axis=1) == yb.argmax(axis=1)))
            g2 = (p - yb) * inv_m
            dw2 = h.T @ g2
            db2 = g2.sum(axis=0)
            g1 = g2 @ w2.T
            g1 *= h > 0
            dw1 = xb.T @ g1
            db1 = g1.sum(axis=0)
            w1 -= lr * dw1
            b1 -= lr * db1
            w2 -= lr * dw2
            b2 -= lr * db2
        return acc

    for i in range(args.warmup):
        run(i)
    times = []
    accs = []
    for i in range(args.runs):
        start = time.perf_counter()
        accs.append(run(100 + i))
        times.append(time.perf_counter() - start)
    med = blasenv.median(times)
    print("numpy %s, python %s: XOR %d epochs, %d runs: median %.2f ms/run (%.1f us/epoch),"
          " min %.2f ms; final accuracy mean %.2f" % (np.__version__, sys.version.split()[0], args.epochs,
                                                      args.runs, med * 1e3, med * 1e6 / args.epochs,
                                                      min(times) * 1e3, sum(accs) / len(accs)))
    print("RESULT numpy_xor median_ms_per_run=%.3f" % (med * 1e3))


if __name__ == "__main__":
    main()
