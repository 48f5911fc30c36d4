# The last line of this file raises: the page shows the error a reader meets.
# output-check: raises=RuntimeError
# --8<-- [start:example]
"""Mistake: NumPy's default float64 data meets a model whose parameters are float32."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# No .astype(np.float32) this time: NumPy computes in float64 by default,
# and torch.from_numpy keeps the dtype it is given.
x_np = rng.uniform(0, 10, size=(50_000, 1))
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

model = nn.Sequential(nn.Linear(1, 1))
loss_fn = nn.MSELoss()
print(f"inputs x: {x.dtype}  targets y: {y.dtype}  weight: {model[0].weight.dtype}")

# float64 targets against float32 predictions: no error, the loss is quietly
# computed in float64 (twice the memory, and much slower on most GPUs).
y_hat = model(x.float())
loss = loss_fn(y_hat, y)
print(f"predictions: {y_hat.dtype}  loss: {loss.dtype}")
loss.backward()
print(f"backward() works too; weight.grad: {model[0].weight.grad.dtype}")

# float64 inputs into a float32 layer: the matrix product refuses to mix them.
y_hat = model(x)
