"""Example 9: nn.Linear(1, 1) holds the weight and the bias; the model lists its parameters."""

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
# The layer now has its own bias: one module holds every parameter.
model = nn.Linear(1, 1)
lr = 0.01

# state_dict() maps each parameter's name to its tensor.
for name, tensor in model.state_dict().items():
    print(f"start: {name} shape {tuple(tensor.shape)} value {tensor.item():.6f}")

for iteration in range(2_001):
    y_hat = model(x)
    error = y_hat - y
    loss = (error**2).mean()

    if iteration % 400 == 0:
        w, b = model.weight.item(), model.bias.item()
        print(f"iteration {iteration:5d}  loss {loss.item():.2e}  w {w:.5f}  b {b:.5f}")

    loss.backward()

    # parameters() yields every tensor the model trains: one loop updates them all.
    with torch.no_grad():
        for param in model.parameters():
            param -= lr * param.grad

    # One call empties the .grad of every parameter.
    model.zero_grad()
# --8<-- [end:training-loop]

learned = model.state_dict()
w, b = learned["weight"].item(), learned["bias"].item()
print(f"weight w: learned {w:.6f}, true {TRUE_W}")
print(f"bias   b: learned {b:.6f}, true {TRUE_B}")
