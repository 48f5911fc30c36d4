"""Exercise: average many training-mode predictions of the dropout network. What do they approach?"""

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

network = nn.Sequential(nn.Linear(1, 64), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(64, 1))
optimizer = torch.optim.Adam(network.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
network.train()
for _ in range(500):
    optimizer.zero_grad()
    loss = loss_fn(network(x_train), y_train)
    loss.backward()
    optimizer.step()

with torch.no_grad():
    # 200 calls in training mode, each with its own random half of the hidden units.
    average = torch.stack([network(x_test) for _ in range(200)]).mean(dim=0)
    network.eval()
    evaluated = network(x_test)

print(f"test MSE, average of 200 training-mode calls:   {loss_fn(average, y_test):.2f}")
print(f"test MSE, one evaluation-mode call:             {loss_fn(evaluated, y_test):.2f}")
# Dropout sits right before the last, linear layer, and it keeps each hidden value's
# average: so the average over masks is exactly the evaluation-mode output.
print(f"largest gap between the two predictions: {(average - evaluated).abs().max():.2f}")
