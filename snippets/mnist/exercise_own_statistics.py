"""Exercise: test images normalized with their own statistics instead of the training ones."""

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

mean, std = train_pixels.mean().item(), train_pixels.std().item()
print(f"training pixels: mean {mean:.3f}, std {std:.3f}")

# Example 25's training on the correctly normalized pixels: linear model, SGD lr 0.01,
# minibatches of 64, 10 epochs.
torch.manual_seed(SEED)
x_train = ((train_pixels - mean) / std).to(device)
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
model.eval()


def accuracy(pixels, labels, m, s):
    """Accuracy of the trained model on these pixels, normalized with mean m and std s."""
    with torch.no_grad():
        predicted = model(((pixels - m) / s).to(device)).argmax(dim=1)
    return (predicted == labels).float().mean().item()


# All 10,000 test images, then a batch that holds only the test images of 1s.
ones = test_pixels[test.targets == 1]
for name, pixels, labels in [("all test images", test_pixels, y_test), ("only the 1s", ones, y_test[y_test == 1])]:
    own_mean, own_std = pixels.mean().item(), pixels.std().item()
    print(
        f"{name:<16} own mean {own_mean:.3f}, std {own_std:.3f}; accuracy with training stats "
        f"{accuracy(pixels, labels, mean, std):.1%}, with their own {accuracy(pixels, labels, own_mean, own_std):.1%}"
    )
