"""Example 7: example 6 with PyTorch tensors; the gradients are still worked out by hand."""

import numpy as np
import torch

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
w = torch.rand(1)  # random start: one-element tensors instead of floats
b = torch.rand(1)
lr = 0.01

for iteration in range(2_001):
    y_hat = x * w + b
    error = y_hat - y
    loss = (error**2).mean()

    if iteration % 400 == 0:
        print(f"iteration {iteration:5d}  loss {loss.item():.2e}  w {w.item():.5f}  b {b.item():.5f}")

    # The formulas of Part 2, written with tensor methods.
    grad_w = (2 * x * error).mean()
    grad_b = (2 * error).mean()

    # Nothing is being recorded for autograd yet, so no_grad changes nothing
    # here; from example 8 on it is required, and the habit starts now.
    with torch.no_grad():
        w -= lr * grad_w
        b -= lr * grad_b
# --8<-- [end:training-loop]

print(f"weight w: learned {w.item():.6f}, true {TRUE_W}")
print(f"bias   b: learned {b.item():.6f}, true {TRUE_B}")
