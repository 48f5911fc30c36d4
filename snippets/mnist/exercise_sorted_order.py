"""Exercise: example 24 on training images sorted by digit, without shuffling."""

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


# 2,000 training images instead of 10,000, to run fast.
x_train, y_train = prepare(train.data[:2_000]), train.targets[:2_000].to(device)
x_test, y_test = prepare(test.data), test.targets.to(device)
n = len(x_train)
# All the 0s first, then all the 1s, ..., the 9s last: stable=True keeps each digit's
# images in their original order, so the order is the same on every machine.
by_digit = torch.argsort(y_train, stable=True)

for shuffled in [True, False]:
    torch.manual_seed(SEED)
    model = nn.Linear(28 * 28, 10).to(device)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    g = torch.Generator().manual_seed(SEED)
    model.train()
    for _ in range(10):  # 10 epochs
        order = torch.randperm(n, generator=g).to(device) if shuffled else by_digit
        for i in range(0, n, 64):
            idx = order[i : i + 64]
            optimizer.zero_grad()
            loss_fn(model(x_train[idx]), y_train[idx]).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        predicted = model(x_test).argmax(dim=1)
    accuracy = (predicted == y_test).float().mean().item()
    counts = torch.bincount(predicted, minlength=10)
    name = "shuffled every epoch" if shuffled else "sorted by digit"
    answer = counts.argmax().item()
    print(
        f"{name:<21} test accuracy {accuracy:.1%}; most frequent answer: {answer}, "
        f"given for {counts[answer] / len(predicted):.1%} of the test images "
        f"({(y_test == answer).float().mean():.1%} of them are {answer}s)"
    )
