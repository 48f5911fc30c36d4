"""Exercise: test images half as bright, for fixed and for per-image normalization."""

import torch
import torchvision
from torch import nn

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
# 2,000 training images instead of 10,000, to run fast.
train_pixels = train.data[:2_000].flatten(start_dim=1).float() / 255
test_pixels = test.data.flatten(start_dim=1).float() / 255
y_train, y_test = train.targets[:2_000].to(device), test.targets.to(device)
mean, std = train_pixels.mean(), train_pixels.std()


def fixed(pixels):  # the right way: the training set's two numbers, for every image
    return (pixels - mean) / std


def per_image(pixels):  # each image by its own mean and std
    return (pixels - pixels.mean(dim=1, keepdim=True)) / pixels.std(dim=1, keepdim=True)


def train_model(normalize):
    """Example 25's training: linear model, SGD lr 0.01, minibatches of 64, 10 epochs."""
    torch.manual_seed(SEED)
    x_train = normalize(train_pixels).to(device)
    model = nn.Linear(28 * 28, 10).to(device)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    g = torch.Generator().manual_seed(SEED)
    for _ in range(10):
        order = torch.randperm(len(x_train), generator=g).to(device)
        for i in range(0, len(x_train), 64):
            idx = order[i : i + 64]
            optimizer.zero_grad()
            loss_fn(model(x_train[idx]), y_train[idx]).backward()
            optimizer.step()
    return model.eval()


for name, normalize in [("fixed (training stats)", fixed), ("per image", per_image)]:
    model = train_model(normalize)
    with torch.no_grad():
        normal = model(normalize(test_pixels).to(device)).argmax(dim=1)
        dimmed = model(normalize(test_pixels * 0.5).to(device)).argmax(dim=1)
    print(
        f"{name:<23} test accuracy {(normal == y_test).float().mean():.1%}, "
        f"dimmed {(dimmed == y_test).float().mean():.1%}; "
        f"predictions changed by dimming: {(normal != dimmed).sum().item():,}"
    )
