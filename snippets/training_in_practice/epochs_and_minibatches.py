"""Example 15: epochs and minibatches, served by a DataLoader."""

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
# 5,000 samples: with minibatches of 50 that is 100 updates per epoch, so the
# 100 epochs below make 10,000 updates in all.
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)

# A Dataset pairs row i of x with row i of y; a DataLoader serves it in minibatches.
dataset = TensorDataset(x, y)
# shuffle=True: a fresh random order of the rows every epoch, served 50 at a time
# (the last batch may be shorter). Its own seeded generator makes the order the same
# on every run. The loader fetches the 50 rows one by one and stacks them.
shuffle_generator = torch.Generator().manual_seed(SEED)
loader = DataLoader(dataset, batch_size=50, shuffle=True, generator=shuffle_generator)

model = nn.Linear(4, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.005)  # as in example 13

EPOCHS = 100
losses = {}  # the loss on all data after epochs 10, 20, ..., 100
total_updates = 0
for epoch in range(1, EPOCHS + 1):
    model.train()  # training mode: layers such as dropout behave as in training
    batches = rows = 0
    for xb, yb in loader:  # one epoch: every row once, in a new order
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        batches += 1
        rows += len(xb)
    total_updates += batches
    if epoch == 1 or epoch % 10 == 0:  # a line every 10 epochs keeps the output short
        model.eval()  # evaluation mode, and no gradients: judge the model on all the data
        with torch.no_grad():
            full_loss = loss_fn(model(x), y).item()
        if epoch % 10 == 0:
            losses[epoch] = full_loss
        print(
            f"epoch {epoch:3d}: {batches} updates over {rows:,} rows, "
            f"loss on all data {full_loss:.2e}, bias {model.bias.item():.4f}"
        )

w = model.weight.detach().numpy().ravel()
for i, (learned, true) in enumerate(zip(w, true_weights), start=1):
    print(f"w{i}: learned {learned:.4f}, true {true:.2f}")
print(f"b : learned {model.bias.item():.4f}, true {true_bias:.2f}")
print(f"{EPOCHS} epochs: {total_updates:,} updates in all")
factors = [losses[epoch] / losses[epoch + 10] for epoch in range(10, EPOCHS, 10)]
print(f"loss divided per 10 epochs, from epoch 10 on: between {min(factors):.1f} and {max(factors):.1f}")
