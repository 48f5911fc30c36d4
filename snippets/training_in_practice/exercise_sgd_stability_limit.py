"""Exercise: example 13 just below and just above the largest stable learning rate."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
# 5,000 samples instead of 50,000 keep the runs quick; the curvatures barely change.
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

# The steepest curvature, computed as in example 13.
a = np.hstack([x_np, np.ones((len(x_np), 1))]).astype(np.float64)
steep = np.linalg.eigvalsh(2 * a.T @ a / len(a))[-1]
print(f"largest learning rate that does not diverge: 2 / {steep:.1f} = {2 / steep:.4f}")

for lr in [0.005, 0.009, 0.0095]:
    torch.manual_seed(SEED)  # the same starting weights as example 13
    model = nn.Linear(4, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    diverged_at = None
    for iteration in range(301):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        if loss.item() > 1e10:  # blown up: going on would only overflow to inf
            diverged_at = iteration
            break
        loss.backward()
        optimizer.step()
    # Each step multiplies the distance along the steepest direction by this factor.
    factor = 1 - lr * steep
    result = f"diverged by iteration {diverged_at}" if diverged_at else f"loss at iteration 300 {loss.item():.3g}"
    print(f"lr {lr:<6}  steep factor {factor:+.3f}  {result}")
