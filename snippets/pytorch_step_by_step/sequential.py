"""Example 10: nn.Sequential chains layers; the gradients are zeroed before backward()."""

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
# Sequential passes its input through each layer in turn. One layer today;
# Part 4 stacks several, and the training loop will not change.
model = nn.Sequential(nn.Linear(1, 1))
lr = 0.01
print(model)

for iteration in range(2_001):
    # Empty every .grad first, so backward() below starts from zero.
    model.zero_grad()

    y_hat = model(x)
    error = y_hat - y
    loss = (error**2).mean()

    if iteration % 400 == 0:
        w, b = model[0].weight.item(), model[0].bias.item()
        print(f"iteration {iteration:5d}  loss {loss.item():.2e}  w {w:.5f}  b {b:.5f}")

    loss.backward()

    with torch.no_grad():
        for param in model.parameters():
            param -= lr * param.grad
# --8<-- [end:training-loop]

# Layers inside a Sequential are numbered: model[0] is the first one.
w, b = model[0].weight.item(), model[0].bias.item()
print(f"weight w: learned {w:.6f}, true {TRUE_W}")
print(f"bias   b: learned {b:.6f}, true {TRUE_B}")
