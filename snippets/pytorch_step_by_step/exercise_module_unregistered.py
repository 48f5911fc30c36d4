"""Exercise: a bias stored as a plain tensor attribute is not registered, so the optimizer never updates it."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# 5,000 samples and 601 iterations instead of example 12's 50,000 and 2,001 keep it fast.
x_np = rng.uniform(0, 10, size=(5_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


class LinearModel(nn.Module):
    def __init__(self, as_parameter):
        super().__init__()
        self.linear = nn.Linear(1, 1, bias=False)
        if as_parameter:  # the fix: a module registers an nn.Parameter assigned to self
            self.bias = nn.Parameter(torch.zeros(1))
        else:  # the mistake: a plain tensor is stored, but not registered
            self.bias = torch.zeros(1, requires_grad=True)

    def forward(self, x):
        return self.linear(x) + self.bias


for as_parameter in [False, True]:
    model = LinearModel(as_parameter)
    names = ", ".join(name for name, _ in model.named_parameters())
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)  # updates only what is registered
    for _ in range(601):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    w, b = model.linear.weight.item(), model.bias.item()
    kind = "nn.Parameter" if as_parameter else "plain tensor"
    print(f"bias as {kind}: registered [{names}]  loss {loss.item():.3g}  w {w:.2f}  b {b:.2f}")

# With b stuck at 0 the model is a line through the origin; the best slope of such a
# line is mean(x * y) / mean(x**2).
print(f"best slope through the origin: {np.mean(x_np * y_np) / np.mean(x_np**2):.2f}")
