"""Exercise: how many iterations example 16's smallest learning rate needs to catch up."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
# 5,000 samples instead of 50,000, so that the long run stays quick.
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


def train(lr, until_loss=None, iterations=101):
    """Full-batch SGD from example 16's start; the loss at every iteration."""
    torch.manual_seed(SEED)
    model = nn.Linear(4, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    history = []
    while len(history) < iterations or (until_loss is not None and history[-1] > until_loss):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        history.append(loss.item())
    return history


target = train(0.005)[100]
print(f"lr 0.005: loss at iteration 100 {target:.3g}")
slow = train(0.0002, until_loss=target)
# Once the steep directions have settled, progress along the slow one depends on
# lr times the number of iterations: 25 times smaller steps need 25 times as many.
print(f"lr 0.0002: loss at iteration 100 {slow[100]:.3g}, at or below {target:.3g} from iteration {len(slow) - 1:,}")
print(f"100 * 0.005 / 0.0002 = {100 * 0.005 / 0.0002:,.0f}")
