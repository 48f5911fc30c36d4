"""Exercise: dead_relu.py from a live start; can a large learning rate kill the ReLU in mid-training?"""

import numpy as np
import torch
from torch import nn

SEED = 0  # unlike SEED = 3, this start has predictions above zero
rng = np.random.default_rng(SEED)

# The four-feature rule of dead_relu.py, with 5,000 samples.
true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + 12.34).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
n = len(x)
loss_fn = nn.MSELoss()
print(f"loss of predicting 0 for every sample, mean(y^2): {(y**2).mean().item():.2f}")

for lr in [0.5, 5.0, 50.0]:
    torch.manual_seed(SEED)  # every learning rate gets the same start and the same batches
    model = nn.Sequential(nn.Linear(4, 1), nn.ReLU())  # the mistake, kept on purpose
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    if lr == 0.5:  # the start, the same for every learning rate
        with torch.no_grad():
            print(f"at the start: {(model[0](x) > 0).float().mean().item():.0%} of the predictions are above zero")
    died_at, step = None, 0
    for _ in range(2):  # 2 epochs instead of 100: enough to see which runs die
        order = torch.randperm(n)
        for start in range(0, n, 50):
            rows = order[start : start + 50]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
            step += 1
            with torch.no_grad():  # is any prediction still above zero, before the ReLU?
                if died_at is None and not (model[0](x) > 0).any():
                    died_at = step
    with torch.no_grad():
        full_loss = loss_fn(model(x), y).item()
    fate = f"dead from step {died_at} on" if died_at else "alive"
    # Below 1e-6 the loss is rounding noise, whose digits vary from one CPU to another.
    shown = "below 1e-6" if full_loss < 1e-6 else f"{full_loss:.2f}"
    print(f"lr {lr:4}: {fate}; loss after {step} steps {shown}")
