"""Exercise: example 24 with larger minibatches, for the same 10 epochs."""

import torch
import torchvision
from torch import nn

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)


def prepare(images):
    """uint8 pixels 0..255 -> normalized floats, one row of 784 per image (example 24)."""
    x = (images.float() / 255 - 0.1307) / 0.3081
    return x.flatten(start_dim=1).to(device)


# 2,000 training images instead of 10,000, so that the four runs take a second.
x_train, y_train = prepare(train.data[:2_000]), train.targets[:2_000].to(device)
x_test, y_test = prepare(test.data), test.targets.to(device)
n = len(x_train)

for batch_size in [64, 256, 1000, 2000]:
    torch.manual_seed(SEED)  # every run starts from the same weights
    model = nn.Linear(28 * 28, 10).to(device)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    g = torch.Generator().manual_seed(SEED)
    steps = 0
    model.train()
    for _ in range(10):  # 10 epochs
        order = torch.randperm(n, generator=g).to(device)
        total = 0.0
        for i in range(0, n, batch_size):
            idx = order[i : i + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()  # one step per batch, whatever its size
            total += loss.item() * len(idx)
            steps += 1
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
    print(
        f"batch {batch_size:>4}: {steps:>3} steps in 10 epochs, "
        f"last-epoch loss {total / n:.3g}, test accuracy {accuracy:.1%}"
    )
