"""Writes the numpy fixtures of NumpyDataTest with numpy itself (run: python3 make_fixtures.py)."""
import numpy as np

x_train = np.arange(16, dtype=np.uint8).reshape(4, 2, 2)       # 4 images of 2x2
y_train = np.array([0, 1, 2, 1], dtype=np.int64)
x_test = np.array([[[0.5, 1.5], [2.5, 3.5]], [[-1, 0], [1, 2]]], dtype=np.float64)
y_test = np.array([2, 0], dtype=np.int64)
np.savez("mnist-like.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
np.savez_compressed("mnist-like-compressed.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
np.save("x.npy", x_train)
np.save("y.npy", y_train)
np.save("y-onehot.npy", np.eye(3, dtype=np.float32)[y_train])
