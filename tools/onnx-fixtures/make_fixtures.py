#!/usr/bin/env python3
"""Writes the ONNX import fixtures of neurite-onnx's tests.

Each fixture is a small network exported with torch.onnx.export (PyTorch's own exporter, as a
user would call it) or, where PyTorch 1.13 cannot write the operator form under test, built
with onnx.helper; beside it, fixed inputs and the outputs PyTorch (or numpy, for the hand-built
graphs) computes on them, as float32 .npy files:

    NAME.onnx  NAME.inputs.npy  NAME.outputs.npy

Run from the repository root with Debian's packages (apt-get install python3-torch python3-onnx):

    python3 tools/onnx-fixtures/make_fixtures.py onnx/src/test/resources/onnx-import

The script seeds every random draw, so a rerun writes the same networks.
"""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

OPSET = 17


def inputs(n, width, seed):
    """n samples of the given width (an int, or a tuple for inputs of several dimensions)."""
    shape = (n,) + (width if isinstance(width, tuple) else (width,))
    return np.random.default_rng(seed).normal(0, 1.5, size=shape).astype(np.float32)


def randomize_batchnorm(module, generator):
    """Running statistics as after training: batches through the module in training mode."""
    module.train()
    with torch.no_grad():
        for _ in range(20):
            module(torch.randn(32, module[0].in_features, generator=generator) * 2 + 0.5)
    module.eval()


def torch_fixture(out, name, module, width, seed, **export_args):
    torch.manual_seed(seed)
    for p in module.parameters():
        with torch.no_grad():
            p.uniform_(-0.8, 0.8)
    module.eval()
    x = inputs(9, width, seed)
    with torch.no_grad():
        y = module(torch.from_numpy(x)).numpy().astype(np.float32)
    path = os.path.join(out, name + ".onnx")
    torch.onnx.export(module, torch.from_numpy(x[:2]), path, opset_version=OPSET,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, **export_args)
    onnx.checker.check_model(onnx.load(path))
    np.save(os.path.join(out, name + ".inputs.npy"), x)
    np.save(os.path.join(out, name + ".outputs.npy"), y)
    print(name, [n.op_type for n in onnx.load(path).graph.node])


def typed_initializer(name, array):
    """An initializer in the typed float_data field, not raw_data."""
    return helper.make_tensor(name, TensorProto.FLOAT, array.shape, array.flatten().tolist(), raw=False)


def matmul_add_fixture(out):
    """MatMul+Add chains with typed initializers, Identity, Dropout (ratio input) and Flatten."""
    rng = np.random.default_rng(5)
    w1 = rng.uniform(-0.7, 0.7, (4, 6)).astype(np.float32)
    b1 = rng.uniform(-0.3, 0.3, (6,)).astype(np.float32)
    w2 = rng.uniform(-0.7, 0.7, (6, 3)).astype(np.float32)
    b2 = rng.uniform(-0.3, 0.3, (1, 3)).astype(np.float32)
    nodes = [
        helper.make_node("Flatten", ["input"], ["flat"], axis=1),
        helper.make_node("MatMul", ["flat", "w1"], ["mm1"]),
        helper.make_node("Add", ["mm1", "b1"], ["z1"]),
        helper.make_node("Tanh", ["z1"], ["a1"]),
        helper.make_node("Identity", ["a1"], ["i1"]),
        helper.make_node("Dropout", ["i1", "ratio"], ["d1"]),
        helper.make_node("MatMul", ["d1", "w2"], ["mm2"]),
        helper.make_node("Add", ["b2", "mm2"], ["output"]),
    ]
    ratio = helper.make_tensor("ratio", TensorProto.FLOAT, [], [0.25])
    graph = helper.make_graph(nodes, "matmul_add", [
        helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 4])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 3])],
        [typed_initializer("w1", w1), typed_initializer("b1", b1), typed_initializer("w2", w2),
         typed_initializer("b2", b2), ratio])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="make_fixtures")
    onnx.checker.check_model(model)
    x = inputs(9, 4, 5)
    y = np.tanh(x @ w1 + b1) @ w2 + b2
    save(out, "matmul_add_typed", model, x, y)


def gelu_op_fixture(out):
    """The Gelu operator of opset 20 (PyTorch 1.13 writes gelu as Erf arithmetic instead)."""
    rng = np.random.default_rng(8)
    w = rng.uniform(-0.7, 0.7, (5, 4)).astype(np.float32)
    b = rng.uniform(-0.3, 0.3, (4,)).astype(np.float32)
    nodes = [helper.make_node("Gemm", ["input", "w", "b"], ["z"]),
             helper.make_node("Gelu", ["z"], ["output"])]
    graph = helper.make_graph(nodes, "gelu_op", [
        helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 5])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 4])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")])
    # No checker: ONNX 1.12 predates opset 20.
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)], producer_name="make_fixtures")
    model.ir_version = 9
    x = inputs(9, 5, 8)
    z = torch.from_numpy(x @ w + b)
    y = torch.nn.functional.gelu(z.double()).numpy()
    save(out, "gelu_op20", model, x, y)


def save(out, name, model, x, y):
    onnx.save(model, os.path.join(out, name + ".onnx"))
    np.save(os.path.join(out, name + ".inputs.npy"), x.astype(np.float32))
    np.save(os.path.join(out, name + ".outputs.npy"), np.asarray(y, dtype=np.float32))
    print(name, [n.op_type for n in model.graph.node])


def main(out):
    os.makedirs(out, exist_ok=True)
    torch_fixture(out, "relu_softmax", nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3), nn.Softmax(dim=1)),
                  6, 1)
    torch_fixture(out, "sigmoid_tanh", nn.Sequential(nn.Linear(5, 7), nn.Sigmoid(), nn.Linear(7, 4), nn.Tanh(),
                                                     nn.Linear(4, 2)), 5, 2)
    torch_fixture(out, "leaky_elu", nn.Sequential(nn.Linear(4, 6), nn.LeakyReLU(0.2), nn.Linear(6, 6), nn.ELU(0.5),
                                                  nn.Linear(6, 3)), 4, 3)
    torch_fixture(out, "gelu", nn.Sequential(nn.Linear(4, 5), nn.GELU(), nn.Linear(5, 2)), 4, 4)
    bn = nn.Sequential(nn.Linear(5, 6), nn.BatchNorm1d(6, eps=1e-3), nn.ReLU(), nn.Linear(6, 2))
    torch.manual_seed(6)
    for p in bn.parameters():
        with torch.no_grad():
            p.uniform_(-0.8, 0.8)
    randomize_batchnorm(bn, torch.Generator().manual_seed(6))
    torch_fixture_trained(out, "batchnorm", bn, 5, 6)
    torch_fixture(out, "layernorm", nn.Sequential(nn.Linear(5, 6), nn.LayerNorm(6), nn.Tanh(), nn.Linear(6, 3)), 5, 7)
    torch_fixture(out, "flatten_dropout_identity",
                  nn.Sequential(nn.Flatten(), nn.Linear(4, 5), nn.Dropout(0.3), nn.Identity(), nn.ReLU(),
                                nn.Linear(5, 2), nn.Softmax(dim=-1)), 4, 9)
    torch_fixture(out, "no_constant_folding", nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2)), 3, 10,
                  do_constant_folding=False)
    torch_fixture(out, "flatten_3d", nn.Sequential(nn.Flatten(), nn.Linear(6, 4), nn.Sigmoid(), nn.Linear(4, 2)),
                  (2, 3), 11)
    matmul_add_fixture(out)
    gelu_op_fixture(out)


def torch_fixture_trained(out, name, module, width, seed):
    """torch_fixture for a module whose parameters and statistics are already set."""
    x = inputs(9, width, seed)
    with torch.no_grad():
        y = module(torch.from_numpy(x)).numpy().astype(np.float32)
    path = os.path.join(out, name + ".onnx")
    torch.onnx.export(module, torch.from_numpy(x[:2]), path, opset_version=OPSET,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    onnx.checker.check_model(onnx.load(path))
    np.save(os.path.join(out, name + ".inputs.npy"), x)
    np.save(os.path.join(out, name + ".outputs.npy"), y)
    print(name, [n.op_type for n in onnx.load(path).graph.node])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "onnx-import")
