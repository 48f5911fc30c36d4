"""Example 8: loss.backward() computes the gradients; nn.Linear holds the weight."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# The data of example 6, now 50,000 samples in one column (one row per sample,
# one column per feature), as float32: the precision PyTorch models use.
x_np = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
# torch.from_numpy wraps the array without copying and keeps its dtype.
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

# --8<-- [start:training-loop]
# A layer that computes x @ weight.T, its weight randomly initialised and
# already marked requires_grad. We switch its bias off and keep our own.
linear = nn.Linear(1, 1, bias=False)
b = torch.rand(1, requires_grad=True)
lr = 0.01

for iteration in range(2_001):
    y_hat = linear(x) + b
    error = y_hat - y
    loss = (error**2).mean()

    if iteration % 400 == 0:
        print(f"iteration {iteration:5d}  loss {loss.item():.2e}  w {linear.weight.item():.5f}  b {b.item():.5f}")

    # Autograd replaces the formulas: it fills linear.weight.grad and b.grad.
    loss.backward()

    # In-place changes to tensors that require gradients must not be recorded.
    with torch.no_grad():
        linear.weight -= lr * linear.weight.grad
        b -= lr * b.grad

    # backward() ADDS to .grad: empty it before the next iteration.
    linear.weight.grad.zero_()
    b.grad.zero_()
# --8<-- [end:training-loop]

print(f"weight w: learned {linear.weight.item():.6f}, true {TRUE_W}")
print(f"bias   b: learned {b.item():.6f}, true {TRUE_B}")
