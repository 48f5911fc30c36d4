"""Exercise: example 11 with momentum=0.9 in the optimizer; why the slow bias now converges fast."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

x_np = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


def train(momentum: float) -> None:
    torch.manual_seed(SEED)  # the same starting weight and bias as example 11, for both runs
    model = nn.Sequential(nn.Linear(1, 1))
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=momentum)

    for iteration in range(201):  # 201 iterations are enough to see the difference
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        if iteration % 50 == 0:
            # A loss below 1e-6 is rounding noise, whose digits differ from one CPU to another.
            shown = "below 1e-6" if loss.item() < 1e-6 else f"{loss.item():.2e}"
            w, b = model[0].weight.item(), model[0].bias.item()
            print(f"momentum {momentum}  iteration {iteration:3d}  loss {shown:>10}  weight {w:.4f}  bias {b:.4f}")
        loss.backward()
        optimizer.step()


train(momentum=0.0)  # example 11: each step is lr times the current gradient
# With momentum, each step adds 0.9 times the previous step: where the gradient keeps
# pointing the same way, as the bias's does step after step, the steps build up to
# 1 / (1 - 0.9) = 10 times their plain size; where it flips sign they cancel out.
train(momentum=0.9)
