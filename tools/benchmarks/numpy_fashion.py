#!/usr/bin/env python3
"""Fashion-MNIST network training throughput in plain numpy (float32, OpenBLAS via ``@``).

784 -> Dense 256 relu -> Dense 128 relu -> Dense 10 softmax, fused softmax/cross-entropy
gradient, plain SGD lr 0.1, batch 64, reshuffled every epoch. One warm-up epoch, then
``--epochs`` timed epochs; prints samples/s per epoch and the median.

    python3 numpy_fashion.py --threads 1 [--epochs 3] [--samples 60000] [--data synthetic|real]

The thread count is set through OPENBLAS_NUM_THREADS/OMP_NUM_THREADS before numpy is imported
(and threadpoolctl, if installed). Run it under ``env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE``
to let OpenBLAS pick its own kernels (AVX-512 on this machine) instead of forced Haswell ones.
"""
import argparse
import gzip
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasenv  # noqa: E402

FASHION_DIR = "/usr/share/datasets/fashion-mnist"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--epochs", type=int, default=3, help="timed epochs after one warm-up epoch")
    p.add_argument("--samples", type=int, default=60000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--data", choices=("synthetic", "real"), default="synthetic")
    p.add_argument("--seed", type=int, default=2024)
    return p.parse_args()


def load_real(np, samples):
    with gzip.open(os.path.join(FASHION_DIR, "train-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(FASHION_DIR, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    x = (x[:samples].astype(np.float32) / np.float32(255.0))
    y = np.zeros((len(x), 10), dtype=np.float32)
    y[np.arange(len(x)), labels[:samples]] = 1.0
    return x, y


def main():
    args = parse_args()
    blasenv.set_threads_env(args.threads)
    import numpy as np
    blasenv.limit_threads(args.threads)

    rng = np.random.default_rng(args.seed)
    if args.data == "real":
        x, y = load_real(np, args.samples)
    else:
        x = rng.random((args.samples, 784), dtype=np.float32)
        y = np.zeros((args.samples, 10), dtype=np.float32)
        y[np.arange(args.samples), rng.integers(0, 10, args.samples)] = 1.0

    sizes = [784, 256, 128, 10]
    weights = [(rng.standard_normal((m, n), dtype=np.float32) * np.float32(np.sqrt(2.0 / m)))
               for m, n in zip(sizes[:-1], sizes[1:])]
    biases = [np.zeros(n, dtype=np.float32) for n in sizes[1:]]
    w1, w2, w3 = weights
    b1, b2, b3 = biases
    lr = np.float32(args.lr)
    batch = args.batch
    n = len(x)

    def epoch():
        order = rng.permutation(n)
        total_loss = 0.0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb = x[idx]
            yb = y[idx]
            m = len(idx)
            # forward
            h1 = xb @ w1
            h1 += b1
            np.maximum(h1, 0, out=h1)
            h2 = h1 @ w2
            h2 += b2
            np.maximum(h2, 0, out=h2)
            z = h2 @ w3
            z += b3
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            s = p.sum(axis=1, keepdims=True)
            p /= s
            # loss (mean categorical cross-entropy) from the log-sum-exp form
            total_loss += float(np.sum(np.log(s)) - np.sum(z * yb))
            # backward: fused softmax + cross-entropy gradient
            g3 = p - yb
            g3 *= np.float32(1.0 / m)
            dw3 = h2.T @ g3
            db3 = g3.sum(axis=0)
            g2 = g3 @ w3.T
            g2 *= h2 > 0
            dw2 = h1.T @ g2
            db2 = g2.sum(axis=0)
            g1 = g2 @ w2.T
            g1 *= h1 > 0
            dw1 = xb.T @ g1
            db1 = g1.sum(axis=0)
            # SGD
            for param, grad in ((w1, dw1), (b1, db1), (w2, dw2), (b2, db2), (w3, dw3), (b3, db3)):
                grad *= lr
                param -= grad
        return total_loss / n

    print("numpy %s, python %s, %d thread(s), %d samples (%s), batch %d" % (
        np.__version__, sys.version.split()[0], args.threads, n, args.data, batch))
    for line in blasenv.blas_report():
        print("  " + line)
    warm = time.perf_counter()
    loss = epoch()
    print("warm-up epoch: %.2f s  loss %.4f" % (time.perf_counter() - warm, loss))
    rates = []
    cpu_rates = []  # per CPU second of this thread: with 1 thread OpenBLAS computes on it
    for e in range(args.epochs):
        cpu_start = time.thread_time()
        start = time.perf_counter()
        loss = epoch()
        seconds = time.perf_counter() - start
        rates.append(n / seconds)
        cpu_rates.append(n / (time.thread_time() - cpu_start))
        print("epoch %d: %6.2f s  %9.0f samples/s  loss %.4f" % (e + 1, seconds, rates[-1], loss))
    assert w1.dtype == np.float32 and b3.dtype == np.float32
    cpu_note = " cpu_samples_per_s=%.0f" % blasenv.median(cpu_rates) if args.threads == 1 else ""
    print("RESULT numpy threads=%d median_samples_per_s=%.0f%s" % (args.threads, blasenv.median(rates), cpu_note))


if __name__ == "__main__":
    main()
