"""Exercise: the adding that breaks mistake 1, used on purpose: gradients of 5 chunks summed into one."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

x_np = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

model = nn.Sequential(nn.Linear(1, 1))
loss_fn = nn.MSELoss()
weight = model[0].weight  # the tensor whose gradient we watch

loss_fn(model(x), y).backward()
full = weight.grad.item()
print(f"all 50,000 rows at once:       .grad {full:+8.1f}")

for divisor in [1, 5]:
    model.zero_grad()
    # No zeroing between the chunks: each backward() adds its chunk's gradient to .grad.
    for x_part, y_part in zip(x.chunk(5), y.chunk(5)):
        (loss_fn(model(x_part), y_part) / divisor).backward()
    held = weight.grad.item()
    print(f"5 chunks, each loss / {divisor}:     .grad {held:+8.1f} = {held / full:.3f} x all rows at once")
