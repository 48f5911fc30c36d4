"""Exercise: mistake 1 with smaller learning rates; does the loss settle now?"""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# 5,000 samples and 401 iterations instead of 50,000 and 2,001 keep the four runs
# fast; the swing looks the same.
x_np = rng.uniform(0, 10, size=(5_000, 1)).astype(np.float32)
y_np = TRUE_W * x_np + TRUE_B
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


def train(lr, zero_grad=False, momentum=0.0):
    torch.manual_seed(SEED)  # the same starting weight and bias for every run
    model = nn.Sequential(nn.Linear(1, 1))
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    losses = []
    for _ in range(401):
        if zero_grad:
            optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    return losses, model[0].weight.item()


final_w = {}
for lr in [0.01, 0.001, 0.0001]:
    losses, final_w[lr] = train(lr)  # the mistake: no zero_grad()
    # If the swing died down, the loss late in the run would be far below the start.
    print(f"lr {lr:<6}  loss at the start {losses[0]:.3g}, largest after iteration 200 {max(losses[200:]):.3g}")

# Summing every gradient is SGD's momentum with the factor 1: nothing is ever forgotten.
_, w_momentum = train(0.01, zero_grad=True, momentum=1.0)
print(f"final weight at lr 0.01: no zero_grad {final_w[0.01]:.3f}, zero_grad and momentum=1.0 {w_momentum:.3f}")
