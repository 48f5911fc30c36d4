"""Dropout in training mode and in evaluation mode: one trained network, measured both ways."""

import torch
from torch import nn

SEED = 0
torch.manual_seed(SEED)


def make_data(n):
    """Noisy samples of the cubic 5.2 x^3 on [-1, 1]; the noise has standard deviation 0.5."""
    x = torch.rand(n, 1) * 2 - 1
    return x, 5.2 * x**3 + 0.5 * torch.randn(n, 1)


x_train, y_train = make_data(200)
x_test, y_test = make_data(1_000)

# nn.Dropout(p=0.5) zeroes each hidden value with probability 0.5 during training and
# doubles the others, so that their sum keeps its average. It has no parameters.
network = nn.Sequential(nn.Linear(1, 64), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(64, 1))
optimizer = torch.optim.Adam(network.parameters(), lr=0.01)
loss_fn = nn.MSELoss()

network.train()  # training mode: dropout is on
for _ in range(500):  # 500 full-batch steps
    optimizer.zero_grad()
    loss = loss_fn(network(x_train), y_train)
    loss.backward()
    optimizer.step()

with torch.no_grad():  # no gradients are needed to measure
    first, second = network(x_test), network(x_test)  # still in training mode
    print(f"training mode: two calls on the same inputs differ by up to {(first - second).abs().max():.2f}")
    print(f"training mode: test MSE {loss_fn(first, y_test):.2f}")

    network.eval()  # evaluation mode: dropout passes every value through unchanged
    first, second = network(x_test), network(x_test)
    print(f"evaluation mode: two calls give identical outputs: {torch.equal(first, second)}")
    print(f"evaluation mode: test MSE {loss_fn(first, y_test):.2f}")
