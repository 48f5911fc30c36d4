"""Mistake: a ReLU on the output of a regression model. Here it is dead from the start."""

import numpy as np
import torch
from torch import nn

# With SEED = 3 the random starting weights and bias are all negative, so with
# inputs that are never negative every prediction starts below zero. About 1 start
# in 32 is like this (each of the five numbers is negative half the time), and a
# large update can also push a model there in the middle of training.
SEED = 3
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# The four-feature rule, with 5,000 samples so that 100 epochs stay quick.
true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + 12.34).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
n = len(x)

model = nn.Sequential(
    nn.Linear(4, 1),
    nn.ReLU(),  # the mistake: this clips every prediction at zero
)
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.5)
start_weights = model[0].weight.detach().clone()


def share_alive():
    """Fraction of samples whose prediction is positive before the ReLU."""
    model.eval()
    with torch.no_grad():
        return (model[0](x) > 0).float().mean().item()


print(f"before training: {share_alive():.0%} of the predictions are above zero")
EPOCHS = 100
for epoch in range(1, EPOCHS + 1):
    model.train()
    order = torch.randperm(n)  # shuffle, then slice minibatches of 50
    for start in range(0, n, 50):
        rows = order[start : start + 50]
        optimizer.zero_grad()
        loss = loss_fn(model(x[rows]), y[rows])
        loss.backward()
        optimizer.step()
    if epoch % 10 == 0:
        model.eval()
        with torch.no_grad():
            full_loss = loss_fn(model(x), y).item()
        print(f"epoch {epoch:3d}: loss {full_loss:.2f}")

print(f"after training: {share_alive():.0%} of the predictions are above zero")
print(f"gradient of the weights in the last step: {model[0].weight.grad.abs().max().item():.1f}")
print(f"weights moved by: {(model[0].weight.detach() - start_weights).abs().max().item():.1f}")
print(f"loss of predicting 0 for every sample, mean(y^2): {(y**2).mean().item():.2f}")
