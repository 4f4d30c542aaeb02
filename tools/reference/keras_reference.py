#!/usr/bin/env python3
"""Independent float64 reference of what tf.keras computes for the XOR parity program.

Written from the documented Keras/TensorFlow semantics,
not from any Neurite Java code.  Requires numpy only.

Program:
    Sequential(Dense(8, input_shape=(2,)), Activation('relu'), Dense(2), Activation('softmax'))
    compile(loss='categorical_crossentropy', optimizer=SGD(lr, momentum, decay, nesterov),
            metrics=['accuracy'])
    fit(x, t, batch_size=32, epochs=N); predict(x)

Semantics implemented (see the doc):
  * forward  y = x @ W + b, kernels of shape (inputs, units); weight order W1, b1, W2, b2.
  * loss     softmax + categorical_crossentropy is fused: per sample logsumexp(z) - z.t on the
             logits z (no clipping), mean over the batch; d loss / d z = (softmax(z) - t) / N.
  * ReLU'    (z > 0): exactly 0 at z == 0 (TensorFlow's ReluGrad).
  * SGD      momentum 0: w <- w - lr_t g
             momentum m: v <- m v - lr_t g; w <- w + v
             nesterov:   v <- m v - lr_t g; w <- w + m v - lr_t g
             legacy decay: lr_t = lr / (1 + decay * iterations), iterations = steps so far (from 0).
  * fit      4 samples, batch_size 32 -> one full batch per epoch.  The logged loss/accuracy of
             an epoch are computed in the training step with the weights BEFORE the update.
             Shuffling only permutes rows inside the single batch: it changes nothing in exact
             arithmetic and is ignored.
  * accuracy categorical_accuracy on the softmax output: argmax equal, ties -> lowest index
             (np.argmax does exactly that).  Note: at the first step input (0,0) with zero biases
             gives logits exactly b2 = (0,0) -> probabilities exactly (0.5, 0.5), a tie that
             resolves to class 0, which is that sample's target: it counts as correct.

Output: integration-tests/src/test/resources/parity/xor_keras_reference.json
"""
import json
import math
import os
import sys

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
T = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=np.float64)
PARAM_NAMES = ("W1", "b1", "W2", "b2")
GLOROT_LIMIT = math.sqrt(6.0 / (2 + 8))  # == sqrt(6/(8+2)) for W2 too

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_PATH = os.path.join(REPO_ROOT, "integration-tests", "src", "test", "resources", "parity",
                        "xor_keras_reference.json")


# --------------------------------------------------------------------------- model

def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def logsumexp(z):
    m = z.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))[:, 0]


def forward(p, x):
    z1 = x @ p["W1"] + p["b1"]          # hidden pre-activations (N, 8)
    h = np.maximum(z1, 0.0)             # ReLU
    z2 = h @ p["W2"] + p["b2"]          # logits (N, 2); the softmax is fused into the loss
    return z1, h, z2


def loss_and_accuracy(p, x, t):
    _, _, z2 = forward(p, x)
    loss = np.mean(logsumexp(z2) - np.sum(z2 * t, axis=1))
    prob = softmax(z2)
    acc = np.mean(np.argmax(prob, axis=1) == np.argmax(t, axis=1))
    return float(loss), float(acc)


def gradients(p, x, t):
    """Analytic gradient of the mean fused softmax-cross-entropy; ReLU'(0) = 0."""
    n = x.shape[0]
    z1, h, z2 = forward(p, x)
    dz2 = (softmax(z2) - t) / n
    dh = dz2 @ p["W2"].T
    dz1 = dh * (z1 > 0)                 # derivative exactly 0 where z1 == 0 (and z1 < 0)
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


# --------------------------------------------------------------------------- training

def train(init, lr, momentum, nesterov, decay, epochs, dtype=np.float64, on_step=None,
          shuffle_rng=None):
    """Keras fit() with SGD: one full-batch step per epoch. Returns (losses, accs, final).

    shuffle_rng (diagnostics only) permutes the rows of the batch every epoch as Keras does;
    the reference itself does not shuffle (no effect in exact arithmetic).
    """
    x, t = X.astype(dtype), T.astype(dtype)
    p = {k: init[k].astype(dtype).copy() for k in PARAM_NAMES}
    v = {k: np.zeros_like(p[k]) for k in PARAM_NAMES}
    m = dtype(momentum)
    losses, accs = [], []
    for iterations in range(epochs):
        if shuffle_rng is not None:
            perm = shuffle_rng.permutation(len(x))
            x, t = x[perm], t[perm]
        loss, acc = loss_and_accuracy(p, x, t)   # logged with the weights before the update
        losses.append(loss)
        accs.append(acc)
        if on_step is not None:
            on_step(iterations, p)
        g = gradients(p, x, t)
        lr_t = dtype(lr / (1.0 + decay * iterations)) if decay else dtype(lr)
        for k in PARAM_NAMES:
            if momentum == 0.0:
                p[k] = p[k] - lr_t * g[k]
            else:
                v[k] = m * v[k] - lr_t * g[k]
                if nesterov:
                    p[k] = p[k] + m * v[k] - lr_t * g[k]
                else:
                    p[k] = p[k] + v[k]
    return losses, accs, p


# --------------------------------------------------------------------------- initial weights

def glorot_init(seed):
    """glorot_uniform kernels U(-sqrt(6/10), +sqrt(6/10)), zero biases, rounded to float32."""
    rng = np.random.default_rng(seed)
    w1 = rng.uniform(-GLOROT_LIMIT, GLOROT_LIMIT, size=(2, 8))
    w2 = rng.uniform(-GLOROT_LIMIT, GLOROT_LIMIT, size=(8, 2))
    f32 = lambda a: a.astype(np.float32).astype(np.float64)   # exact float32 values
    return {"W1": f32(w1), "b1": np.zeros(8), "W2": f32(w2), "b2": np.zeros(2)}


DEAD_UNITS = (1, 5)     # sgd_dead_relu: both incoming weights negative -> dead for every input
KINK_UNIT = 6           # sgd_dead_relu: W1[:,6] = (a, -a) -> z1 exactly 0 for input (1,1) too


def dead_relu_init(seed):
    p = glorot_init(seed)
    for j in DEAD_UNITS:
        p["W1"][:, j] = -np.abs(p["W1"][:, j])
    a = abs(p["W1"][0, KINK_UNIT])
    p["W1"][:, KINK_UNIT] = (a, -a)     # 1*a + 1*(-a) + 0 == 0 exactly, in float32 as well
    return p


def sgd(lr, momentum=0.0, nesterov=False, decay=0.0, epochs=1000):
    return {"learning_rate": lr, "momentum": momentum, "nesterov": nesterov, "decay": decay,
            "epochs": epochs, "batch_size": 32}


# Seed choice.  Every case must learn XOR (final accuracy 1.0, asserted), AND be numerically
# stable for a float32 implementation.  During training some hidden pre-activations chatter
# around the ReLU kink (|z| down to ~1e-7); if float32 rounding puts one on the other side of 0
# at some step, that step's update differs by ~lr*|dh| ~ 1e-4 and the trajectories separate
# (seen for e.g. seed 2 with sgd_seed1 settings, seed 5 with the nesterov settings).  The seeds
# below were picked (by scanning seeds 1..60 offline) so that float32 runs of the same algorithm,
# with and without Keras-style row shuffling, stay within ~2e-6 of this float64 reference;
# run_case() re-checks that (FLOAT32_* bounds) every time the file is regenerated.
CASES = [
    ("sgd_seed1", 1, glorot_init, sgd(0.1)),
    ("sgd_seed2", 19, glorot_init, sgd(0.1)),
    ("sgd_dead_relu", 33, dead_relu_init, sgd(0.1)),
    ("sgd_momentum", 4, glorot_init, sgd(0.1, momentum=0.9, epochs=300)),
    ("sgd_nesterov", 34, glorot_init, sgd(0.05, momentum=0.9, nesterov=True, epochs=300)),
    ("sgd_decay", 30, glorot_init, sgd(0.1, decay=0.01, epochs=200)),
]
FLOAT32_RUNS = 8            # float32 runs per case: 1 unshuffled + 7 with per-epoch shuffling
FLOAT32_MAX_WEIGHT_DIFF = 1e-5
FLOAT32_MAX_LOSS_DIFF = 1e-6
FLOAT32_MAX_PRED_DIFF = 1e-6


# --------------------------------------------------------------------------- self-checks

def loss_only(p):
    _, _, z2 = forward(p, X)
    return float(np.mean(logsumexp(z2) - np.sum(z2 * T, axis=1)))


def check_gradient(p, label, h=1e-5, tol=1e-6):
    """Compare the analytic gradient with finite differences, for EVERY parameter.

    ReLU kinks: the loss is not differentiable w.r.t. a parameter whose perturbation moves a
    hidden pre-activation that is exactly 0 (always the case for b1 at the initial weights,
    because input (0,0) with zero biases gives z1 == 0).  There a central difference returns the
    average of the two one-sided slopes, which is not what TensorFlow computes.  TensorFlow's
    convention ReLU'(0) = 0 is exactly the slope of the piece on which those pre-activations
    are <= 0 (the unit is off).  So for such parameters we take a second-order ONE-SIDED
    difference from the side that makes every affected zero pre-activation negative,
        f'(w) ~ (3 f(w) - 4 f(w - s h) + f(w - 2 s h)) / (2 s h)
              = (4 (f(w) - f(w - s h)) - (f(w) - f(w - 2 s h))) / (2 s h),
    (written with differences so that a locally constant loss gives exactly 0),
    which must then match the analytic value to the same tolerance.  Everywhere else a plain
    central difference is used.  The step is h, shrunk per parameter when needed so that no
    non-zero pre-activation it moves can change sign (at most 1/10 of the distance to the kink).
    """
    g = gradients(p, X, T)
    z1, _, _ = forward(p, X)
    h0 = h
    worst, n_onesided = 0.0, 0
    for k in PARAM_NAMES:
        for idx in np.ndindex(p[k].shape):
            # which pre-activations z1[n, j] does this parameter move, and in which direction?
            if k == "W1":
                i, j = idx
                dz = np.zeros_like(z1); dz[:, j] = X[:, i]
            elif k == "b1":
                (j,) = idx
                dz = np.zeros_like(z1); dz[:, j] = 1.0
            else:
                dz = np.zeros_like(z1)        # W2, b2 do not move z1
            kinked = (z1 == 0) & (dz != 0)
            moved = (z1 != 0) & (dz != 0)
            h = min(h0, 0.1 * float(np.min(np.abs(z1[moved] / dz[moved]), initial=np.inf)))

            def f(delta):
                q = {kk: vv.copy() for kk, vv in p.items()}
                q[k][idx] += delta
                return loss_only(q)

            if kinked.any():
                signs = np.sign(dz[kinked])
                assert np.all(signs == signs[0]), "kink from both sides: cannot pick one"
                s = signs[0]   # stepping by -s*h makes every kinked pre-activation negative
                f0 = f(0.0)
                fd = (4 * (f0 - f(-s * h)) - (f0 - f(-2 * s * h))) / (2 * s * h)
                n_onesided += 1
            else:
                fd = (f(h) - f(-h)) / (2 * h)
            a = g[k][idx]
            rel = abs(a - fd) / max(abs(a), abs(fd), 1e-8)
            worst = max(worst, rel)
            assert rel < tol, f"{label}: gradient check failed for {k}{idx}: {a} vs {fd} (rel {rel})"
    return worst, n_onesided


# --------------------------------------------------------------------------- JSON output

def to_json(obj, indent=0):
    """Readable JSON: objects one key per line, numeric lists inline; floats via repr."""
    pad, pad1 = " " * indent, " " * (indent + 1)
    if isinstance(obj, dict):
        items = [f'{pad1}{json.dumps(k)}: {to_json(v, indent + 1)}' for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if obj and isinstance(obj[0], (list, dict)):
            return "[\n" + ",\n".join(pad1 + to_json(v, indent + 1) for v in obj) + "\n" + pad + "]"
        return "[" + ", ".join(to_json(v) for v in obj) + "]"
    if isinstance(obj, float):
        assert math.isfinite(obj)
        return repr(obj)   # shortest string that round-trips the double exactly
    return json.dumps(obj)


def weights_json(p):
    return {k: np.asarray(p[k], dtype=np.float64).tolist() for k in PARAM_NAMES}


def run_case(name, seed, init_fn, hp):
    init = init_fn(seed)
    for k in PARAM_NAMES:   # starting values are exact float32 numbers
        assert np.array_equal(init[k], init[k].astype(np.float32).astype(np.float64))
    z1, _, _ = forward(init, X)
    assert np.all(z1[0] == 0.0), "input (0,0) with zero biases must give z1 == 0 exactly"

    worst0, ones0 = check_gradient(init, name + "@initial")

    hist = []
    losses, accs, final = train(init, hp["learning_rate"], hp["momentum"], hp["nesterov"],
                                hp["decay"], hp["epochs"],
                                on_step=lambda it, p: hist.append({k: v.copy() for k, v in p.items()}))
    hist.append(final)
    # Extra check at the trained weights. Some gradients there are ~1e-5 and some steps must be
    # shrunk to ~1e-7 (pre-activations close to 0), so FD round-off alone is ~1e-6 relative:
    # this secondary check uses 1e-5.  The required check is the 1e-6 one at the initial weights.
    worst1, ones1 = check_gradient(final, name + "@final", tol=1e-5)
    predictions = softmax(forward(final, X)[2])
    final_acc = float(np.mean(np.argmax(predictions, 1) == np.argmax(T, 1)))

    if name == "sgd_dead_relu":
        dead = [j for j in range(8) if np.all(init["W1"][:, j] < 0)]   # forced + natural ones
        assert set(DEAD_UNITS) <= set(dead) and len(dead) >= 2
        for j in dead:
            for p in hist:   # incoming weights (and bias) never change; outgoing neither (m = 0)
                assert np.array_equal(p["W1"][:, j], init["W1"][:, j])
                assert p["b1"][j] == init["b1"][j] == 0.0
                assert np.array_equal(p["W2"][j], init["W2"][j])
        assert z1[3, KINK_UNIT] == 0.0
    assert accs[-1] == 1.0 and final_acc == 1.0, f"{name} did not learn XOR"

    # Float32 robustness: margins to ReLU kinks / argmax ties over the whole run, and how far
    # float32 runs of the same algorithm (numpy; unshuffled and shuffled like Keras) drift from
    # this float64 reference.  This bounds what a float32 implementation (or Keras) can match.
    min_kink = min(float(np.min(np.abs(z[z != 0]), initial=np.inf))
                   for z in (forward(p, X)[0] for p in hist))
    min_tie = min(float(np.min(np.abs(d[d != 0]), initial=np.inf))
                  for d in (np.diff(softmax(forward(p, X)[2]), axis=1) for p in hist))
    d_loss = d_w = d_pred = 0.0
    for r in range(FLOAT32_RUNS):
        rng = np.random.default_rng(1000 + r) if r else None
        l32, a32, f32 = train(init, hp["learning_rate"], hp["momentum"], hp["nesterov"],
                              hp["decay"], hp["epochs"], dtype=np.float32, shuffle_rng=rng)
        f32 = {k: f32[k].astype(np.float64) for k in PARAM_NAMES}
        d_loss = max(d_loss, float(np.max(np.abs(np.array(l32) - np.array(losses)))))
        d_w = max([d_w] + [float(np.max(np.abs(f32[k] - final[k]))) for k in PARAM_NAMES])
        d_pred = max(d_pred, float(np.max(np.abs(softmax(forward(f32, X)[2]) - predictions))))
        assert a32 == accs, f"{name}: float32 run {r} logs a different accuracy"
    assert d_w < FLOAT32_MAX_WEIGHT_DIFF and d_loss < FLOAT32_MAX_LOSS_DIFF \
        and d_pred < FLOAT32_MAX_PRED_DIFF, f"{name}: float32 drift too large, pick another seed"
    print(f"{name:14s} loss {losses[0]:.6f} -> {losses[-1]:.6e}  acc {accs[-1]}  "
          f"final-pred acc {final_acc}  gradcheck rel init {worst0:.1e} final {worst1:.1e} "
          f"(one-sided FD {ones0}/{ones1})  min|z1|!=0 {min_kink:.1e}  "
          f"min|p0-p1|!=0 {min_tie:.1e}  f32 drift: loss {d_loss:.1e} W {d_w:.1e} pred {d_pred:.1e}",
          file=sys.stderr)

    return {
        "name": name,
        "seed": seed,
        "hyperparameters": hp,
        "initial": weights_json(init),
        "loss": losses,
        "accuracy": accs,
        "final": weights_json(final),
        "predictions": predictions.tolist(),
    }


def main():
    doc = {
        "generated_by": "tools/reference/keras_reference.py",
        "x": X.tolist(),
        "t": T.tolist(),
        "cases": [run_case(*c) for c in CASES],
    }
    text = to_json(doc) + "\n"
    assert json.loads(text) == json.loads(json.dumps(doc))   # round-trips exactly
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w") as fh:
        fh.write(text)
    print(f"wrote {OUT_PATH} ({len(text)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
