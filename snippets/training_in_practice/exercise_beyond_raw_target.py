"""Exercise: beyond_nonlinear.py trained on the target in its own units, not standardized."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# The data and the split of beyond_nonlinear.py; only the inputs are standardized.
x_np = rng.uniform(1, 10, size=(50_000, 4)).astype(np.float32)
x1, x2, x3, x4 = x_np.T
y_np = 5.3 * x1**3 + 1 / x2 + 32 * x3**5 + 3 / x3**2 + 24 * x3 + (x4 + x2) ** 2 + 345
y_np = y_np.astype(np.float32).reshape(-1, 1)
x_train, x_test = torch.from_numpy(x_np[:40_000]), torch.from_numpy(x_np[40_000:])
y_train, y_test = torch.from_numpy(y_np[:40_000]), torch.from_numpy(y_np[40_000:])
x_mean, x_std = x_train.mean(dim=0), x_train.std(dim=0)
x_train_s, x_test_s = (x_train - x_mean) / x_std, (x_test - x_mean) / x_std

network = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
EPOCHS = 3  # instead of 20, to keep the run short
optimizer = torch.optim.Adam(network.parameters(), lr=0.003)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)
loss_fn = nn.MSELoss()
network.train()
for _ in range(EPOCHS):
    order = torch.randperm(len(x_train_s))
    for start in range(0, len(order), 256):
        rows = order[start : start + 256]
        optimizer.zero_grad()
        loss = loss_fn(network(x_train_s[rows]), y_train[rows])  # the target as it is
        loss.backward()
        optimizer.step()
    scheduler.step()

network.eval()
with torch.no_grad():
    test_prediction = network(x_test_s)  # already in real units: nothing to undo
test_rmse = (test_prediction - y_test).pow(2).mean().sqrt().item()
print(f"test targets: mean {y_test.mean().item():,.0f}")
print(f"mean prediction {float(f'{test_prediction.mean().item():.2g}'):,.0f}")
# On this scale, predicting the mean for every sample would score 100%.
print(f"test RMSE / std {float(f'{100 * test_rmse / y_test.std().item():.2g}'):.0f}%")
print(f"largest weight {max(p.abs().max().item() for p in network.parameters()):.2g}")
