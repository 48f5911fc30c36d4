"""Exercise: predict the gradients autograd returns when the line sits exactly one unit above the data."""

import numpy as np
import torch

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# The five samples of the autograd check above.
x = torch.from_numpy(rng.uniform(0, 10, size=(5, 1)).astype(np.float32))
y = 1.29 * x + 24

# The true slope, and a bias one unit too high: every prediction is 1 above its target.
w = torch.tensor([1.29], requires_grad=True)
b = torch.tensor([25.0], requires_grad=True)

loss = ((x * w + b - y) ** 2).mean()
loss.backward()

# With every error equal to 1, the formulas of Part 2 reduce to
# d(loss)/db = mean(2 * 1) = 2 and d(loss)/dw = mean(2 * x * 1) = 2 * mean(x).
print(f"loss {loss.item():.4f}")
print(f"d(loss)/db: autograd {b.grad.item():.4f}")
print(f"d(loss)/dw: autograd {w.grad.item():.4f}, 2 * mean of x {2 * x.mean().item():.4f}")
