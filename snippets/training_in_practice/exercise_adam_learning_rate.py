"""Exercise: example 14 with learning rates ten and a hundred times smaller and larger."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
# 5,000 samples instead of 50,000, so that four runs stay quick.
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

for lr in [0.05, 0.5, 5.0, 50.0]:
    torch.manual_seed(SEED)  # the same starting weights for every learning rate
    model = nn.Linear(4, 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    before = torch.cat([p.detach().ravel() for p in model.parameters()])
    reached = "not within 1,000 iterations"
    for iteration in range(1, 1_001):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        if iteration == 1:
            # The first step divides each gradient by its own size: every move is lr.
            after = torch.cat([p.detach().ravel() for p in model.parameters()])
            moves = (after - before).abs()
            loss_after_one = loss_fn(model(x), y).item()
        elif loss.item() < 1e-3:
            reached = f"at iteration {iteration}"
            break
    print(
        f"lr {lr:<4}  first step: smallest move {moves.min():.3g}, largest {moves.max():.3g}, "
        f"loss after it {loss_after_one:.2g}; loss below 1e-3 {reached}"
    )
