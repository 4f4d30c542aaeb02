#!/usr/bin/python3
"""Fashion-MNIST network training throughput in PyTorch (CPU, float32).

nn.Sequential(Linear 784->256, ReLU, Linear 256->128, ReLU, Linear 128->10), CrossEntropyLoss
(fused log-softmax + NLL), torch.optim.SGD lr 0.1, batch 64, reshuffled every epoch. One
warm-up epoch, then ``--epochs`` timed epochs; prints samples/s per epoch and the median.

    /usr/bin/python3 torch_fashion.py --threads 1 [--epochs 3] [--samples 60000] [--data synthetic|real]

Use Debian's python (/usr/bin/python3) with python3-torch; a pyenv ``python3`` has no torch.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasenv  # noqa: E402


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


def torch_build_summary(torch):
    config = torch.__config__.show()
    fields = [f for f in config.replace(",", " ").split() if f.startswith(("BLAS_INFO=", "USE_MKLDNN="))]
    fields += [line.strip(" -") for line in config.splitlines() if "CPU capability" in line]
    return ", ".join(fields)


def main():
    args = parse_args()
    blasenv.set_threads_env(args.threads)
    import torch
    from torch import nn
    torch.set_num_threads(args.threads)
    blasenv.limit_threads(args.threads)
    torch.manual_seed(args.seed)

    if args.data == "real":
        import numpy as np
        from numpy_fashion import load_real
        xn, yn = load_real(np, args.samples)
        x = torch.from_numpy(xn)
        labels = torch.from_numpy(yn.argmax(axis=1))
    else:
        x = torch.rand(args.samples, 784, dtype=torch.float32)
        labels = torch.randint(0, 10, (args.samples,))
    n = len(x)

    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                          nn.Linear(128, 10))
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=args.lr)
    batch = args.batch

    def epoch():
        order = torch.randperm(n)
        total = 0.0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb = x[idx]
            yb = labels[idx]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        return total / n

    print("torch %s, python %s, %d thread(s) (torch.get_num_threads=%d), %d samples (%s), batch %d" % (
        torch.__version__, sys.version.split()[0], args.threads, torch.get_num_threads(), n, args.data, batch))
    print("  torch build: " + torch_build_summary(torch))
    for line in blasenv.blas_report():
        print("  " + line)
    start = time.perf_counter()
    loss = epoch()
    print("warm-up epoch: %.2f s  loss %.4f" % (time.perf_counter() - start, loss))
    rates = []
    for e in range(args.epochs):
        start = time.perf_counter()
        loss = epoch()
        seconds = time.perf_counter() - start
        rates.append(n / seconds)
        print("epoch %d: %6.2f s  %9.0f samples/s  loss %.4f" % (e + 1, seconds, rates[-1], loss))
    print("RESULT torch threads=%d median_samples_per_s=%.0f" % (args.threads, blasenv.median(rates)))


if __name__ == "__main__":
    main()
