"""Loss and bias, iteration by iteration, for SGD and Adam on the four-feature problem."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
x_np = rng.uniform(0, 10, size=(50_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


def train(make_optimizer, iterations):
    """Train a fresh linear model; return its loss and bias after every iteration."""
    torch.manual_seed(SEED)  # the same starting weights for both optimizers
    model = nn.Linear(4, 1)
    optimizer = make_optimizer(model.parameters())
    loss_fn = nn.MSELoss()
    losses, biases = [], []
    for _ in range(iterations):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        biases.append(model.bias.item())
    return losses, biases


# The same budget for both: 2,001 full-batch iterations, enough to see the shapes.
runs = {
    "SGD, lr 0.005": train(lambda p: torch.optim.SGD(p, lr=0.005), 2_001),
    "Adam, lr 0.5": train(lambda p: torch.optim.Adam(p, lr=0.5), 2_001),
}

# Below about 1e-9 a loss is float32 rounding noise, with digits that differ between CPUs.
for name, (losses, biases) in runs.items():
    final = f"{losses[-1]:.2e}" if losses[-1] >= 1e-9 else "below 1e-09"
    print(f"{name:14s} final loss {final}  bias {biases[-1]:.4f} (true {true_bias})")

fig, (ax_loss, ax_bias) = plt.subplots(1, 2, figsize=(10, 4))
for name, (losses, biases) in runs.items():
    ax_loss.plot(losses, label=name)
    ax_bias.plot(biases, label=name)
# Losses span fifteen orders of magnitude: only a log scale shows them all.
ax_loss.set_yscale("log")
ax_loss.set_xlabel("iteration")
ax_loss.set_ylabel("mean squared error (log scale)")
ax_loss.set_title("Loss")
ax_loss.legend()
ax_bias.axhline(true_bias, color="grey", linestyle="--", label="true bias 12.34")
ax_bias.set_xlabel("iteration")
ax_bias.set_ylabel("bias")
ax_bias.set_title("Bias")
ax_bias.legend()
fig.tight_layout()
plt.show()
