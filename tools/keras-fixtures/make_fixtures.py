#!/usr/bin/env python3
"""Writes per-layer Keras import fixtures for neurite-keras's tests, without Keras.

Keras cannot be installed from Debian's packages, so this script writes what Keras 3's
model.to_json() and model.save_weights("NAME.weights.h5") write for small Sequential models:
the architecture JSON with every config key Keras 3 writes for these layers, and an HDF5 file
in Keras 3's weights layout (layers/<snake_case class name>[_<k>]/vars/<i>, variables in the
layer's own order). The expected outputs are computed here with numpy in float64 from the
float32 weights, following Keras 3's inference formulas (see keras/src/layers/normalization and
keras/src/layers/activations/prelu.py):

    BatchNormalization: (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta
    LayerNormalization: (x - mean(x)) / sqrt(var(x) + epsilon) * gamma + beta   (last axis)
    PReLU:              x if x > 0 else alpha * x

Run from the repository root with Debian's python3-numpy and python3-h5py:

    python3 tools/keras-fixtures/make_fixtures.py keras/src/test/resources/keras-layers
"""
import json
import os
import sys

import h5py
import numpy as np


def initializer(name):
    return {"module": "keras.initializers", "class_name": name, "config": {}, "registered_name": None}


def input_layer(width):
    return {"module": "keras.layers", "class_name": "InputLayer",
            "config": {"batch_shape": [None, width], "dtype": "float32", "sparse": False, "name": "input_layer"},
            "registered_name": None}


def dense(name, units, activation="linear"):
    return {"module": "keras.layers", "class_name": "Dense",
            "config": {"name": name, "trainable": True, "dtype": "float32", "units": units,
                       "activation": activation, "use_bias": True,
                       "kernel_initializer": initializer("GlorotUniform"), "bias_initializer": initializer("Zeros"),
                       "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
                       "kernel_constraint": None, "bias_constraint": None},
            "registered_name": None}


def batch_normalization(name, epsilon, momentum, center, scale):
    return {"module": "keras.layers", "class_name": "BatchNormalization",
            "config": {"name": name, "trainable": True, "dtype": "float32", "axis": -1, "momentum": momentum,
                       "epsilon": epsilon, "center": center, "scale": scale,
                       "beta_initializer": initializer("Zeros"), "gamma_initializer": initializer("Ones"),
                       "moving_mean_initializer": initializer("Zeros"),
                       "moving_variance_initializer": initializer("Ones"), "beta_regularizer": None,
                       "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None,
                       "synchronized": False},
            "registered_name": None}


def layer_normalization(name, epsilon, center, scale):
    return {"module": "keras.layers", "class_name": "LayerNormalization",
            "config": {"name": name, "trainable": True, "dtype": "float32", "axis": -1, "epsilon": epsilon,
                       "center": center, "scale": scale, "rms_scaling": False,
                       "beta_initializer": initializer("Zeros"), "gamma_initializer": initializer("Ones"),
                       "beta_regularizer": None, "gamma_regularizer": None, "beta_constraint": None,
                       "gamma_constraint": None},
            "registered_name": None}


def prelu(name):
    return {"module": "keras.layers", "class_name": "PReLU",
            "config": {"name": name, "trainable": True, "dtype": "float32",
                       "alpha_initializer": initializer("Zeros"), "alpha_regularizer": None,
                       "alpha_constraint": None, "shared_axes": None},
            "registered_name": None}


def sequential(width, layers):
    return {"module": "keras", "class_name": "Sequential",
            "config": {"name": "sequential", "trainable": True, "dtype": "float32",
                       "layers": [input_layer(width)] + layers},
            "registered_name": None, "build_config": {"input_shape": [None, width]}}


def snake(class_name):
    return {"Dense": "dense", "BatchNormalization": "batch_normalization",
            "LayerNormalization": "layer_normalization", "PReLU": "p_re_lu"}[class_name]


class Builder:
    """Collects layers, their float32 variables and the float64 forward pass."""

    def __init__(self, width, seed):
        self.rng = np.random.default_rng(seed)
        self.width = width
        self.layers = []
        self.variables = []
        self.steps = []

    def f32(self, *shape, lo=-1.0, hi=1.0):
        return self.rng.uniform(lo, hi, shape).astype(np.float32)

    def dense(self, units, activation="linear"):
        k, b = self.f32(self.width, units, lo=-0.8, hi=0.8), self.f32(units, lo=-0.3, hi=0.3)
        self.add(dense(f"dense{self.count('Dense')}", units, activation), [k, b])
        act = {"linear": lambda z: z, "softmax": lambda z: np.exp(z - z.max(1, keepdims=True))
               / np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True), "tanh": np.tanh}[activation]
        self.steps.append(lambda x: act(x @ k.astype(np.float64) + b))
        self.width = units

    def batch_normalization(self, epsilon, momentum, center=True, scale=True):
        n = self.width
        gamma, beta = self.f32(n, lo=0.5, hi=2.0), self.f32(n)
        mean, var = self.f32(n), self.f32(n, lo=0.2, hi=3.0)
        variables = ([gamma] if scale else []) + ([beta] if center else []) + [mean, var]
        self.add(batch_normalization(f"batch_normalization{self.count('BatchNormalization')}", epsilon, momentum,
                                     center, scale), variables)
        g = gamma.astype(np.float64) if scale else 1.0
        b = beta.astype(np.float64) if center else 0.0
        self.steps.append(lambda x: (x - mean) / np.sqrt(var.astype(np.float64) + epsilon) * g + b)

    def layer_normalization(self, epsilon, center=True, scale=True):
        n = self.width
        gamma, beta = self.f32(n, lo=0.5, hi=2.0), self.f32(n)
        variables = ([gamma] if scale else []) + ([beta] if center else [])
        self.add(layer_normalization(f"layer_normalization{self.count('LayerNormalization')}", epsilon, center,
                                     scale), variables)
        g = gamma.astype(np.float64) if scale else 1.0
        b = beta.astype(np.float64) if center else 0.0
        self.steps.append(lambda x: (x - x.mean(1, keepdims=True)) / np.sqrt(x.var(1, keepdims=True) + epsilon)
                          * g + b)

    def prelu(self):
        alpha = self.f32(self.width, lo=-0.5, hi=0.5)
        self.add(prelu(f"p_re_lu{self.count('PReLU')}"), [alpha])
        self.steps.append(lambda x: np.where(x > 0, x, alpha.astype(np.float64) * x))

    def count(self, class_name):
        k = sum(1 for l in self.layers if l["class_name"] == class_name)
        return "" if k == 0 else f"_{k}"

    def add(self, layer, variables):
        self.layers.append(layer)
        self.variables.append(variables)

    def write(self, out, name, input_width, samples=8):
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(sequential(input_width, self.layers), f, indent=1)
        with h5py.File(os.path.join(out, name + ".weights.h5"), "w") as h5:
            seen = {}
            for layer, variables in zip(self.layers, self.variables):
                s = snake(layer["class_name"])
                k = seen.get(s, 0)
                seen[s] = k + 1
                group = h5.create_group(f"layers/{s}" + ("" if k == 0 else f"_{k}") + "/vars")
                for i, v in enumerate(variables):
                    group.create_dataset(str(i), data=v)
        x = self.rng.normal(0, 1.5, (samples, input_width)).astype(np.float32)
        y = x.astype(np.float64)
        for step in self.steps:
            y = step(y)
        np.save(os.path.join(out, name + ".inputs.npy"), x)
        np.save(os.path.join(out, name + ".outputs.npy"), y.astype(np.float32))
        print(name, [l["class_name"] for l in self.layers])


def main(out):
    os.makedirs(out, exist_ok=True)
    b = Builder(5, 1)
    b.dense(6)
    b.batch_normalization(0.01, 0.9)
    b.dense(4)
    b.batch_normalization(0.001, 0.99, center=False, scale=False)
    b.dense(3, "softmax")
    b.write(out, "batch_normalization", 5)

    b = Builder(4, 2)
    b.dense(6, "tanh")
    b.layer_normalization(0.001)
    b.dense(5)
    b.layer_normalization(0.1, center=False, scale=False)
    b.dense(2)
    b.write(out, "layer_normalization", 4)

    b = Builder(3, 3)
    b.dense(5)
    b.prelu()
    b.dense(4)
    b.prelu()
    b.dense(2)
    b.write(out, "prelu", 3)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "keras-layers")
