#!/usr/bin/python3
"""The XOR reference run in PyTorch: per-op overhead of a tiny network.

A fresh nn.Sequential(Linear 2->8, ReLU, Linear 8->2) trained for 1000 epochs on the four XOR
samples in one batch (CrossEntropyLoss, SGD 0.1), reshuffled each epoch, with the training
accuracy computed each epoch -- the same work as Neurite's XorBenchmark. Prints the median time
of one whole run (init + 1000 epochs) over ``--runs`` runs after ``--warmup`` runs; 1 thread.

    /usr/bin/python3 torch_xor.py [--runs 20] [--warmup 5] [--epochs 1000]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasenv  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--epochs", type=int, default=1000)
    args = p.parse_args()
    blasenv.set_threads_env(1)
    import torch
    from torch import nn
    torch.set_num_threads(1)

    x = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
    y = torch.tensor([0, 1, 1, 0])

    def run(seed):
        torch.manual_seed(seed)
        model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
        loss_fn = nn.CrossEntropyLoss()
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        acc = 0.0
        for _ in range(args.epochs):
            order = torch.randperm(4)
            xb = x[order]
            yb = y[order]
            opt.zero_grad(set_to_none=True)
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            opt.step()
            acc = (out.argmax(dim=1) == yb).float().mean().item()
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
    print("torch %s, python %s: XOR %d epochs, %d runs: median %.2f ms/run (%.1f us/epoch),"
          " min %.2f ms; final accuracy mean %.2f" % (torch.__version__, sys.version.split()[0], args.epochs,
                                                      args.runs, med * 1e3, med * 1e6 / args.epochs,
                                                      min(times) * 1e3, sum(accs) / len(accs)))
    print("RESULT torch_xor median_ms_per_run=%.3f" % (med * 1e3))


if __name__ == "__main__":
    main()
