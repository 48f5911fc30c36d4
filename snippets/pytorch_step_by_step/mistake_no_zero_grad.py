"""Mistake: no zero_grad() in the loop, so every backward() adds to the old gradients."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

x_np = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

# --8<-- [start:training-loop]
model = nn.Sequential(nn.Linear(1, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
weight = model[0].weight  # the tensor whose gradient we watch

for iteration in range(2_001):
    # Missing here: optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    grad_before = 0.0 if weight.grad is None else weight.grad.item()
    loss.backward()
    if iteration < 5:
        # What backward() added in this iteration, and what .grad holds now, to the
        # nearest whole number (so a sum of two rounded columns can be off by one).
        held = weight.grad.item()
        added = held - grad_before
        print(f"iteration {iteration:5d}  loss {loss.item():.2e}  added {added:+5.0f}  .grad holds {held:+5.0f}")
    elif iteration % 400 == 0:
        # Two digits of the loss from here on: enough to see it shrink or swing.
        print(f"iteration {iteration:5d}  loss {loss.item():.1e}")
    optimizer.step()
# --8<-- [end:training-loop]

# A swinging loss carries forward the tiny rounding differences between CPUs (they add
# in another order), so the learned values are printed to one decimal only.
print(f"weight w: learned {weight.item():.1f}, true {TRUE_W}")
print(f"bias   b: learned {model[0].bias.item():.1f}, true {TRUE_B}")
