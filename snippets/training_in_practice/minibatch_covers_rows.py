"""The fix: range(0, n, batch), or a DataLoader, and a count that proves it."""

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
x_np = rng.uniform(0, 10, size=(50_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
n, batch = len(x), 50

# Start at 0, stop at n, step by the batch size; the last slice may be shorter
# and slicing past the end is safe, so nothing is lost when n is not a multiple.
seen = torch.zeros(n, dtype=torch.bool)
for start in range(0, n, batch):
    seen[start : start + batch] = True
print(f"for ... in range(0, n, batch)  visits {int(seen.sum()):,} of {n:,} rows")

# A DataLoader does the bookkeeping itself; counting the rows costs nothing.
loader = DataLoader(TensorDataset(torch.arange(n)), batch_size=batch)
rows_served = sum(len(indices) for (indices,) in loader)
print(f"DataLoader(batch_size={batch})        serves {rows_served:,} rows per epoch")

# The same training as the buggy loop, now over every row each epoch.
model = nn.Linear(4, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.005)
updates = rows_used = 0
model.train()
for epoch in range(10):
    order = torch.randperm(n)
    for start in range(0, n, batch):
        rows = order[start : start + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x[rows]), y[rows])
        loss.backward()
        optimizer.step()
        updates += 1
        rows_used += len(rows)
    assert rows_used == (epoch + 1) * n  # a cheap guard against this whole class of bug

model.eval()
with torch.no_grad():
    full_loss = loss_fn(model(x), y).item()
print(f"10 epochs: {updates:,} updates, {rows_used:,} rows in all")
print(f"loss on all data {full_loss:.2e}, bias {model.bias.item():.4f} (true {true_bias})")
