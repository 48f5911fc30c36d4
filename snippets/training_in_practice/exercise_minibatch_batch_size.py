"""Exercise: example 15 with minibatches of 500, for the same 100 epochs."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
n, batch = len(x), 500


def train(lr, epochs=100):
    model = nn.Linear(4, 1)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    updates = 0
    for epoch in range(1, epochs + 1):
        # The batches a DataLoader with shuffle=True would serve, sliced from a random
        # order of the rows: the same training, without fetching rows one by one.
        order = torch.randperm(n)
        for start in range(0, n, batch):
            rows = order[start : start + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
            updates += 1
        if not loss.item() < 1e10:  # blown up: going on would only overflow to inf
            return f"diverged, loss above 1e10 in epoch {epoch} (after {updates} updates)"
    with torch.no_grad():
        full_loss = loss_fn(model(x), y).item()
    return f"{updates:,} updates, loss on all data {full_loss:.3g}, bias {model.bias.item():.4f}"


for lr in [0.005, 0.05]:
    print(f"batch_size {batch}, lr {lr}: {train(lr)}")
