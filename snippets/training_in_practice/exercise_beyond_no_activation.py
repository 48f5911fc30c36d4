"""Exercise: the network of beyond_nonlinear.py without its ReLUs. What can it still represent?"""

import numpy as np
import torch
from sklearn.linear_model import LinearRegression
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

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

# The same three layers, with the two ReLUs deleted.
network = nn.Sequential(nn.Linear(4, 64), nn.Linear(64, 64), nn.Linear(64, 1))
EPOCHS = 3  # instead of 20, to keep the run short: a straight line is quickly found
optimizer = torch.optim.Adam(network.parameters(), lr=0.003)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)
loss_fn = nn.MSELoss()
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

# Without activations the layers multiply out: W3 (W2 (W1 x + b1) + b2) + b3 is
# one weight matrix times x plus one bias, a single nn.Linear(4, 1).
first, second, third = network
with torch.no_grad():
    weight = third.weight @ second.weight @ first.weight  # shape (1, 4): four weights
    bias = third.weight @ (second.weight @ first.bias + second.bias) + third.bias
    gap = (network(x_test_s) - (x_test_s @ weight.T + bias)).abs().max().item()
    test_prediction = (network(x_test_s) * y_std + y_mean).numpy()
parameters = sum(p.numel() for p in network.parameters())
print(f"network parameters: {parameters:,}, which multiply out to 4 weights and a bias")
print(f"largest gap between the network and that single layer: {'below 1e-4' if gap < 1e-4 else gap}")

# The best straight line there is, as in beyond_nonlinear.py.
linear = LinearRegression().fit(x_train.numpy(), y_train.numpy())

spread = y_test.std().item()
for name, prediction in [("linear", linear.predict(x_test.numpy())), ("no ReLUs", test_prediction)]:
    test_rmse = float(np.sqrt(np.mean((prediction - y_test.numpy()) ** 2)))
    print(f"{name:9s} test RMSE / std {test_rmse / spread:.1%}")
