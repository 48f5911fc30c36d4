# Timings depend on the machine, so the checker ignores them:
# output-check: volatile=[\d.]+ s\b
# --8<-- [start:example]
"""Example 24: the model of example 23 without DataLoader or transforms."""

import time

import torch
import torchvision
from torch import nn

SEED = 0
torch.manual_seed(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"

# No transform: we never ask the dataset for an item, so it never builds a PIL image.
train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)

# --8<-- [start:by-hand]
# torchvision's MNIST keeps all its images in one uint8 tensor, `.data`, of shape
# (N, 28, 28), and the labels in `.targets`. The first 10,000 rows are exactly the
# images of Subset(train, range(10_000)). (For a dataset without such a tensor you
# would loop over its items once and torch.stack them; you pay that cost once.)
start = time.perf_counter()
train_images = train.data[:10_000]
train_labels = train.targets[:10_000]
megabytes = train_images.numel() / 1e6  # one byte per pixel
print(f"train_images: {tuple(train_images.shape)} {train_images.dtype} ({megabytes:.1f} MB)")


def prepare(images):
    """uint8 pixels 0..255 -> normalized floats, as example 23's transforms, all at once."""
    x = images.float() / 255  # ToDtype(torch.float32, scale=True): [0, 1]
    x = (x - 0.1307) / 0.3081  # Normalize((0.1307,), (0.3081,))
    return x.flatten(start_dim=1).to(device)  # one row of 784 per image


x_train, y_train = prepare(train_images), train_labels.to(device)
x_test, y_test = prepare(test.data), test.targets.to(device)
print(
    f"x_train: {tuple(x_train.shape)} {x_train.dtype}, "
    f"prepared in {time.perf_counter() - start:.3f} s (machine-dependent)"
)

# The model: the flatten already happened in prepare(), so nn.Linear alone will do.
model = nn.Linear(28 * 28, 10).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

g = torch.Generator().manual_seed(SEED)
n, batch_size = len(x_train), 64
start = time.perf_counter()
model.train()
for epoch in range(1, 11):
    # A fresh random order each epoch, then consecutive slices of it: one indexing
    # operation fetches a whole minibatch. The last slice holds the 16 leftovers.
    order = torch.randperm(n, generator=g).to(device)
    total = 0.0
    for i in range(0, n, batch_size):
        idx = order[i : i + batch_size]
        optimizer.zero_grad()
        loss = loss_fn(model(x_train[idx]), y_train[idx])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)
    if epoch in (1, 2, 5, 10):
        print(f"epoch {epoch:2d}  mean training loss {total / n:.4f}")
print(f"training time (machine-dependent): {time.perf_counter() - start:.2f} s")
# --8<-- [end:by-hand]

model.eval()
with torch.no_grad():
    prob_23 = torch.softmax(model(x_train[23:24]), dim=1)[0]
    # The whole test set in one call: 10,000 x 784 floats is only 31 MB.
    accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
print(
    f"image 23: label {train_labels[23].item()}, predicted {prob_23.argmax().item()} "
    f"with probability {prob_23.max().item():.3f}"
)
print(f"test accuracy: {accuracy:.4f}")
