"""Fixed: convert the data to float32, the dtype of the model's parameters."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

x_np = rng.uniform(0, 10, size=(50_000, 1))
y_np = TRUE_W * x_np + TRUE_B
# .float() converts to float32; torch.tensor(x_np, dtype=torch.float32) would too.
x = torch.from_numpy(x_np).float()
y = torch.from_numpy(y_np).float()

model = nn.Sequential(nn.Linear(1, 1))
loss_fn = nn.MSELoss()
print(f"inputs x: {x.dtype}  targets y: {y.dtype}  weight: {model[0].weight.dtype}")

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for _ in range(2_001):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
print(f"loss at iteration 2000: {loss.item():.3e}, dtype {loss.dtype}")
print(f"weight w: learned {model[0].weight.item():.6f}, true {TRUE_W}")
print(f"bias   b: learned {model[0].bias.item():.6f}, true {TRUE_B}")
