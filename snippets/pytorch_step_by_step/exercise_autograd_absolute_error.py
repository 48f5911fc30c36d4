"""Exercise: example 8 with the absolute error as the loss, a loss whose gradient we never derived."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# The data of example 8, but 5,000 samples instead of 50,000 so that it runs fast.
x_np = rng.uniform(0, 10, size=(5_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

linear = nn.Linear(1, 1, bias=False)
b = torch.rand(1, requires_grad=True)
b_start = b.item()
lr = 0.01

for iteration in range(2_001):
    y_hat = linear(x) + b
    error = y_hat - y
    loss = error.abs().mean()  # the only change: |error| instead of error**2

    if iteration % 400 == 0:
        print(f"iteration {iteration:5d}  loss {loss.item():.3g}  w {linear.weight.item():.3f}  b {b.item():.2f}")

    loss.backward()

    if iteration == 0:
        # The slope of |e| is -1 for every e < 0, so the mean is -1 for the bias
        # and -mean(x) for the weight, however far below the targets we are.
        print(f"  at iteration 0: b.grad {b.grad.item():.4f}, w.grad {linear.weight.grad.item():.3f}")
        print(f"  mean of x {x.mean().item():.3f}")

    with torch.no_grad():
        linear.weight -= lr * linear.weight.grad
        b -= lr * b.grad

    linear.weight.grad.zero_()
    b.grad.zero_()

# |b.grad| is at most 1, so each step moves b by at most lr: 2,001 steps cannot
# carry it from its start to 24.
print(f"b at the start {b_start:.2f}; at most {b_start + 2_001 * lr:.2f} after 2,001 steps")
