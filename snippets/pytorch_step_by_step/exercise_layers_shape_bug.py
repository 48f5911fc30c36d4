"""Exercise: example 10 with one-dimensional targets; the error silently broadcasts to a square."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# The data of example 10, first 100 rows only: the bug squares the work (see below).
x_np = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)[:100]
y_np = TRUE_W * x_np[:, 0] + TRUE_B  # the bug: x_np[:, 0] drops the column
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

model = nn.Sequential(nn.Linear(1, 1))
lr = 0.01

for _ in range(2_001):
    model.zero_grad()
    y_hat = model(x)
    # (100, 1) minus (100,) broadcasts to (100, 100): every prediction is compared
    # with every target, not just with its own.
    error = y_hat - y
    loss = (error**2).mean()
    loss.backward()
    with torch.no_grad():
        for param in model.parameters():
            param -= lr * param.grad

print(f"shapes: y_hat {tuple(y_hat.shape)}, y {tuple(y.shape)}, error {tuple(error.shape)}")
w, b = model[0].weight.item(), model[0].bias.item()
print(f"learned: loss {loss.item():.3g}, w {w:.3f}, b {b:.2f}")
# The single number closest, on average, to every target is their mean, and the
# loss cannot fall below their variance: a flat line at the mean is the best fit.
print(f"targets: mean {y.mean().item():.2f}, variance {y.var(correction=0).item():.3g}")
# The fix keeps the column, so that the error has one row per sample again.
y_fixed = torch.from_numpy(TRUE_W * x_np + TRUE_B)
print(f"fixed: y {tuple(y_fixed.shape)}, error {tuple((model(x) - y_fixed).shape)}")
