"""Exercise: example 11 with optimizer.zero_grad() moved between backward() and step()."""

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


def train(set_to_none: bool) -> None:
    torch.manual_seed(SEED)  # the same starting weight and bias as example 11, for both runs
    model = nn.Sequential(nn.Linear(1, 1))
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    run = f"set_to_none={set_to_none}"

    for iteration in range(101):  # 101 iterations show it as well as 2,001
        loss = loss_fn(model(x), y)
        if iteration % 50 == 0:
            w, b = model[0].weight.item(), model[0].bias.item()
            print(f"{run:<17}  iteration {iteration:3d}  loss {loss.item():.2e}  w {w:.5f}  b {b:.5f}")
        loss.backward()
        # The misplaced line: it throws away the gradients backward() just computed.
        optimizer.zero_grad(set_to_none=set_to_none)
        # With None, SGD skips the parameter; with zeros, it steps by lr * 0.
        optimizer.step()
    print(f"{run:<17}  .grad of the weight when step() ran: {model[0].weight.grad}")


train(set_to_none=True)  # the default since PyTorch 2.0
train(set_to_none=False)
