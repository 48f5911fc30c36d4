"""Exercise: beyond_nonlinear.py with narrower hidden layers. How many hinges does the rule need?"""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

# The data, the split and the standardization of beyond_nonlinear.py.
x_np = rng.uniform(1, 10, size=(50_000, 4)).astype(np.float32)
x1, x2, x3, x4 = x_np.T
y_np = 5.3 * x1**3 + 1 / x2 + 32 * x3**5 + 3 / x3**2 + 24 * x3 + (x4 + x2) ** 2 + 345
y_np = y_np.astype(np.float32).reshape(-1, 1)
x_train, x_test = torch.from_numpy(x_np[:40_000]), torch.from_numpy(x_np[40_000:])
y_train, y_test = torch.from_numpy(y_np[:40_000]), torch.from_numpy(y_np[40_000:])
x_mean, x_std = x_train.mean(dim=0), x_train.std(dim=0)
y_mean, y_std = y_train.mean(), y_train.std()
x_train_s, x_test_s = (x_train - x_mean) / x_std, (x_test - x_mean) / x_std
y_train_s = (y_train - y_mean) / y_std
loss_fn = nn.MSELoss()
EPOCHS = 3  # instead of 20, to keep the run short

for width in [2, 8]:  # instead of 64 units in each hidden layer
    torch.manual_seed(SEED)
    network = nn.Sequential(nn.Linear(4, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 1))
    optimizer = torch.optim.Adam(network.parameters(), lr=0.003)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)
    network.train()
    for _ in range(EPOCHS):
        order = torch.randperm(len(x_train_s))
        for start in range(0, len(order), 256):
            rows = order[start : start + 256]
            optimizer.zero_grad()
            loss = loss_fn(network(x_train_s[rows]), y_train_s[rows])
            loss.backward()
            optimizer.step()
        scheduler.step()
    network.eval()
    with torch.no_grad():
        test_prediction = network(x_test_s) * y_std + y_mean
    test_rmse = (test_prediction - y_test).pow(2).mean().sqrt().item()
    parameters = sum(p.numel() for p in network.parameters())
    share = 100 * test_rmse / y_test.std().item()  # printed to two significant digits, as in the chapter
    print(f"width {width}: {parameters:3d} parameters, test RMSE / std {share:.2g}%")
