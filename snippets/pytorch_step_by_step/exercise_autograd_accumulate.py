"""Exercise: call backward() twice without zeroing, and predict what .grad holds."""

import numpy as np
import torch

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# The five samples and the random start of the autograd check above.
x = torch.from_numpy(rng.uniform(0, 10, size=(5, 1)).astype(np.float32))
y = 1.29 * x + 24
w = torch.rand(1, requires_grad=True)
b = torch.rand(1, requires_grad=True)


def forward_and_backward(label: str) -> None:
    # backward() frees the graph it walked, so each call needs a fresh forward pass;
    # a training loop makes one in every iteration anyway.
    loss = ((x * w + b - y) ** 2).mean()
    loss.backward()
    print(f"{label:<15}  w.grad {w.grad.item():.4f}, b.grad {b.grad.item():.4f}")


forward_and_backward("first backward")
# w and b did not change, so the second backward() computes the same gradients
# and ADDS them to the ones already in .grad.
forward_and_backward("second backward")

# Emptying .grad first makes the next backward() report the gradient alone again.
w.grad.zero_()
b.grad.zero_()
forward_and_backward("after zero_()")
