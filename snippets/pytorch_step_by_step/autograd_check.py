"""Autograd computes the same gradients as the formulas derived by hand in Part 2."""

import numpy as np
import torch

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# A handful of samples is enough to compare two ways of computing a gradient.
x = torch.from_numpy(rng.uniform(0, 10, size=(5, 1)).astype(np.float32))
y = 1.29 * x + 24

# requires_grad=True: autograd records every operation that uses w or b,
# so that it can later work out how the loss depends on them.
w = torch.rand(1, requires_grad=True)
b = torch.rand(1, requires_grad=True)

loss = ((x * w + b - y) ** 2).mean()
print(f"before backward: w.grad = {w.grad}")
loss.backward()  # fills w.grad and b.grad with d(loss)/dw and d(loss)/db

# The same gradients from the formulas, computed outside autograd's records.
with torch.no_grad():
    error = x * w + b - y
    grad_w = (2 * x * error).mean()
    grad_b = (2 * error).mean()

print(f"d(loss)/dw: autograd {w.grad.item():.4f}, by hand {grad_w.item():.4f}")
print(f"d(loss)/db: autograd {b.grad.item():.4f}, by hand {grad_b.item():.4f}")
