"""Beyond: a rule with no linear form, fitted by a network with hidden layers."""

import numpy as np
import torch
from sklearn.linear_model import LinearRegression
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# Inputs from [1, 10): the rule divides by x2 and x3, so zero must stay out.
x_np = rng.uniform(1, 10, size=(50_000, 4)).astype(np.float32)
x1, x2, x3, x4 = x_np.T
y_np = 5.3 * x1**3 + 1 / x2 + 32 * x3**5 + 3 / x3**2 + 24 * x3 + (x4 + x2) ** 2 + 345
y_np = y_np.astype(np.float32).reshape(-1, 1)

# Hold out the last 10,000 samples: the model never trains on them, so its error
# there measures how well it does on data it has not seen.
x_train, x_test = torch.from_numpy(x_np[:40_000]), torch.from_numpy(x_np[40_000:])
y_train, y_test = torch.from_numpy(y_np[:40_000]), torch.from_numpy(y_np[40_000:])

# Standardize with statistics of the training set only, and apply them to both
# sets: every input and the target then have mean 0 and standard deviation 1.
x_mean, x_std = x_train.mean(dim=0), x_train.std(dim=0)
y_mean, y_std = y_train.mean(), y_train.std()
x_train_s, x_test_s = (x_train - x_mean) / x_std, (x_test - x_mean) / x_std
y_train_s = (y_train - y_mean) / y_std

# --8<-- [start:network]
network = nn.Sequential(
    nn.Linear(4, 64),  # hidden layer 1: 64 weighted sums of the inputs...
    nn.ReLU(),  # ...each bent at zero, so that together they can curve
    nn.Linear(64, 64),  # hidden layer 2: 64 weighted sums of those
    nn.ReLU(),
    nn.Linear(64, 1),  # output layer: a plain weighted sum, no activation
)
optimizer = torch.optim.Adam(network.parameters(), lr=0.003)
# The learning rate falls from 0.003 to 0 along half a cosine over the 20 epochs:
# large steps early to make progress, ever smaller ones at the end, so the network
# settles into a minimum instead of jittering around it. (At a constant rate the
# last few steps decide where it stops, and CPUs that round differently ended
# several percent apart in test error.)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=20)
loss_fn = nn.MSELoss()
network.train()
for _ in range(20):  # 20 epochs
    order = torch.randperm(len(x_train_s))
    for start in range(0, len(order), 256):  # minibatches of 256
        rows = order[start : start + 256]
        optimizer.zero_grad()
        loss = loss_fn(network(x_train_s[rows]), y_train_s[rows])
        loss.backward()
        optimizer.step()
    scheduler.step()  # once per epoch
# --8<-- [end:network]

# The baseline: the best straight-line fit there is (least squares, as in Part 1).
linear = LinearRegression().fit(x_train.numpy(), y_train.numpy())


def rmse(prediction, target):
    """Root mean squared error, in the target's own units."""
    return float(np.sqrt(np.mean((prediction - target) ** 2)))


def two_digits(value):
    """Two significant digits: a trained network's third digit depends on the CPU."""
    return f"{float(f'{value:.2g}'):,.0f}"


network.eval()
with torch.no_grad():  # undo the target's standardization to compare in real units
    network_train = (network(x_train_s) * y_std + y_mean).numpy()
    network_test = (network(x_test_s) * y_std + y_mean).numpy()
results = {
    "linear": (linear.predict(x_train.numpy()), linear.predict(x_test.numpy())),
    "hidden layers": (network_train, network_test),
}

spread = y_test.std().item()
print(f"test targets: mean {y_test.mean().item():,.0f}, standard deviation {spread:,.0f}")
print(f"{'model':14s} {'train RMSE':>11s} {'test RMSE':>11s}  test RMSE / std")
for name, (train_prediction, test_prediction) in results.items():
    train_error = rmse(train_prediction, y_train.numpy())
    test_error = rmse(test_prediction, y_test.numpy())
    print(f"{name:14s} {two_digits(train_error):>11s} {two_digits(test_error):>11s}  {test_error / spread:15.1%}")
