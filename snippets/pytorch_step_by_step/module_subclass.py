"""Example 12: the model as an nn.Module subclass: the idiomatic PyTorch program."""

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


# --8<-- [start:model]
class LinearModel(nn.Module):
    def __init__(self):
        super().__init__()  # sets up the bookkeeping that finds parameters
        # A layer assigned as an attribute is registered: its weight and bias
        # appear in model.parameters() and model.state_dict().
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        # model(x) calls forward(x): the prediction, y_hat = x w + b.
        return self.linear(x)


model = LinearModel()
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
# --8<-- [end:model]

for iteration in range(2_001):
    optimizer.zero_grad()

    y_hat = model(x)
    loss = loss_fn(y_hat, y)

    if iteration % 400 == 0:
        w, b = model.linear.weight.item(), model.linear.bias.item()
        print(f"iteration {iteration:5d}  loss {loss.item():.2e}  w {w:.5f}  b {b:.5f}")

    loss.backward()
    optimizer.step()

w, b = model.linear.weight.item(), model.linear.bias.item()
print(f"weight w: learned {w:.6f}, true {TRUE_W}")
print(f"bias   b: learned {b:.6f}, true {TRUE_B}")
