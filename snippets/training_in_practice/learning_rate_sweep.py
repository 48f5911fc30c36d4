"""Example 16: the learning rate is a knob you set, and it can be too small or too large."""

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

ITERATIONS = 301
learning_rates = {"too small": 0.0002, "good": 0.005, "too large": 0.01}

fig, ax = plt.subplots(figsize=(7, 4))
for verdict, lr in learning_rates.items():
    torch.manual_seed(SEED)  # the same starting weights for every learning rate
    model = nn.Linear(4, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(ITERATIONS):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    checkpoints = "  ".join(f"{losses[i]:9.3g}" for i in range(0, ITERATIONS, 75))
    print(f"lr {lr:<7} ({verdict:9s}) loss at 0, 75, 150, 225, 300: {checkpoints}")
    ax.plot(losses, label=f"lr {lr} ({verdict})")

ax.set_yscale("log")
# Keep the two useful curves readable: the diverging one shoots off the top.
ax.set_ylim(1, 1e8)
ax.set_xlabel("iteration")
ax.set_ylabel("mean squared error (log scale)")
ax.set_title("Full-batch SGD on the four-feature problem")
ax.legend()
fig.tight_layout()
plt.show()
