"""Example 25: normalization with training statistics, and what happens without it."""

import math

import torch
import torchvision
from sklearn.preprocessing import StandardScaler
from torch import nn

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
# Pixels as floats in [0, 1], the scaling of example 23's v2.ToDtype(..., scale=True),
# one row of 784 per image.
train_pixels = train.data[:10_000].flatten(start_dim=1).float() / 255
test_pixels = test.data.flatten(start_dim=1).float() / 255
y_train, y_test = train.targets[:10_000].to(device), test.targets.to(device)

# The statistics come from the TRAINING images only: one mean and one standard
# deviation over all their pixels.
mean, std = train_pixels.mean().item(), train_pixels.std().item()
print(f"training pixels: mean {mean:.4f}, std {std:.4f}")

# The same two numbers transform the test images. Their mean and std come out close
# to 0 and 1, not exactly: they are a different sample of handwriting.
test_std = (test_pixels - mean) / std
print(f"test pixels, normalized: mean {test_std.mean():.4f}, std {test_std.std():.4f}")


def train_and_test(x_train, x_test):
    """Example 24's training (linear model, SGD lr 0.01, batch 64, 10 epochs)."""
    torch.manual_seed(SEED)
    x_train, x_test = x_train.to(device), x_test.to(device)
    model = nn.Linear(28 * 28, 10).to(device)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    g = torch.Generator().manual_seed(SEED)
    n = len(x_train)
    model.train()
    for _ in range(10):  # 10 epochs
        order = torch.randperm(n, generator=g).to(device)
        total = 0.0
        for i in range(0, n, 64):
            idx = order[i : i + 64]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
    return total / n, accuracy


# --8<-- [start:five-versions]
# Per-pixel standardization, done right: 784 means and standard deviations, one per
# pixel position, fitted on the TRAINING images. A position blank in all of them has
# standard deviation 0; StandardScaler leaves such a column unscaled instead of
# dividing 0 by 0.
per_pixel = StandardScaler().fit(train_pixels.numpy())


# The mistake tutorials really make: a StandardScaler in the per-image preprocessing.
def preprocess(image):  # image: one 28x28 array
    return StandardScaler().fit_transform(image)


# scikit-learn reads a 2-D array as (samples, features): on a 28x28 image it takes
# the 28 ROWS as samples and standardizes each of the 28 pixel COLUMNS with that
# column's mean and std, in this one image, refitted for every image. The same for
# all images at once (one StandardScaler fit per image is slow):
def like_preprocess(pixels):
    images = pixels.reshape(-1, 28, 28)
    column_mean = images.mean(dim=1, keepdim=True)
    column_std = images.std(dim=1, correction=0, keepdim=True)
    column_std[column_std == 0] = 1  # a blank column stays 0, as in StandardScaler
    return ((images - column_mean) / column_std).flatten(start_dim=1)


some = test_pixels[:100].reshape(-1, 28, 28)
looped = torch.stack([torch.from_numpy(preprocess(image.numpy())) for image in some]).flatten(start_dim=1)
same = torch.allclose(looped, like_preprocess(some), atol=1e-5)
print(f"like_preprocess matches preprocess on 100 images: {same}")

print("inputs                                  test accuracy   last-epoch loss")
runs = {
    "raw bytes 0..255": (train_pixels * 255, test_pixels * 255),
    "scaled to [0, 1]": (train_pixels, test_pixels),
    "normalized (train stats)": ((train_pixels - mean) / std, test_std),
    "per pixel (train stats)": (
        torch.from_numpy(per_pixel.transform(train_pixels.numpy())),
        torch.from_numpy(per_pixel.transform(test_pixels.numpy())),
    ),
    "StandardScaler on each image": (like_preprocess(train_pixels), like_preprocess(test_pixels)),
}
for name, (x_train, x_test) in runs.items():
    loss, accuracy = train_and_test(x_train, x_test)
    if loss > math.log(10):
        # Worse than guessing uniformly among 10 digits (a loss of ln 10 = 2.30): the
        # run did not converge. With raw bytes the steps are 255**2 times too large and
        # the loss jumps by tens from one epoch to the next, so where the last steps
        # land, and the accuracy there, change from one CPU to another (0.85 on one,
        # 0.89 on another). Only the order of magnitude of the loss is a fact.
        magnitude = f"about 10^{round(math.log10(loss))}"
        print(f"{name:<37} {'did not converge':>16} {magnitude:>17}")
    else:
        print(f"{name:<37} {accuracy:16.4f} {loss:17.4f}")
# --8<-- [end:five-versions]
