"""Mistake: minibatch loops whose bounds silently skip rows."""

import numpy as np
import torch
from torch import nn

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


def report(loop, seen):
    never = torch.nonzero(~seen).ravel()
    print(
        f"for ... in {loop:22s} visits {int(seen.sum()):6,d} of {n:,} rows, "
        f"skips {len(never):6,d} (first skipped: row {never[0].item()})"
    )


# Three loops that look like "one epoch". Instead of training, each one marks
# the rows that its slices x[a:b] would hand to the model.
seen = torch.zeros(n, dtype=torch.bool)
for start in range(1, n, batch):  # bug: Python counts from 0
    seen[start : start + batch] = True
report("range(1, n, batch)", seen)

seen = torch.zeros(n, dtype=torch.bool)
for i in range(1, n // batch):  # bug: batch numbers also start at 0
    seen[i * batch : (i + 1) * batch] = True
report("range(1, n // batch)", seen)

seen = torch.zeros(n, dtype=torch.bool)
for start in range(0, 2000, batch):  # bug: a quick test's limit left in place
    seen[start : start + batch] = True
report("range(0, 2000, batch)", seen)

# The consequence of the last loop: "10 epochs" that are really 10 x 2,000 rows.
# (Shuffled, each epoch takes a different 2,000; unshuffled, the other 48,000
# rows would never be used at all.)
model = nn.Linear(4, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.005)  # as in example 15
updates = 0
model.train()
for _ in range(10):  # "10 epochs"
    order = torch.randperm(n)
    for start in range(0, 2000, batch):  # the bug: 2,000 was meant to be n
        rows = order[start : start + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x[rows]), y[rows])
        loss.backward()
        optimizer.step()
        updates += 1

model.eval()
with torch.no_grad():
    full_loss = loss_fn(model(x), y).item()
print(f"10 'epochs' of the last loop: {updates} updates, {updates * batch:,} rows in all")
print(f"loss on all data {full_loss:.3f}, bias {model.bias.item():.4f} (true {true_bias})")
