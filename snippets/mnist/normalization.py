"""Example 25: normalization with training statistics, and what happens without it."""

import torch
import torchvision
from torch import nn

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # small models: one CPU thread is faster (see Part 3a)

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
# Pixels as floats in [0, 1] (what ToTensor gives), one row of 784 per image.
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
    for _ in range(10):  # 10 epochs
        order = torch.randperm(n, generator=g).to(device)
        total = 0.0
        for i in range(0, n, 64):
            idx = order[i : i + 64]
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
    with torch.no_grad():
        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
    return total / n, accuracy


print("inputs                       last-epoch loss   test accuracy")
runs = {
    "raw bytes 0..255": (train_pixels * 255, test_pixels * 255),
    "scaled to [0, 1]": (train_pixels, test_pixels),
    "normalized (train stats)": ((train_pixels - mean) / std, test_std),
}
for name, (x_train, x_test) in runs.items():
    loss, accuracy = train_and_test(x_train, x_test)
    print(f"{name:<28} {loss:15.4f} {accuracy:15.4f}")


# Look-alike 1: standardize every image with its OWN mean and std. A different
# transform: each image's numbers now depend on that image's ink and contrast.
def per_image(pixels):
    return (pixels - pixels.mean(dim=1, keepdim=True)) / pixels.std(dim=1, keepdim=True)


loss, accuracy = train_and_test(per_image(train_pixels), per_image(test_pixels))
print(f"{'each image on its own':<28} {loss:15.4f} {accuracy:15.4f}")

# Look-alike 2: a mean and std per pixel position, taken from the TEST set. Apart from
# peeking at the test data, a pixel position that is blank in every image has std 0.
blank_train = (train_pixels.std(dim=0) == 0).sum().item()
test_pixel_std = test_pixels.std(dim=0)
blank_test = (test_pixel_std == 0).sum().item()
print(f"positions blank in every image: {blank_train} (training), {blank_test} (test)")
per_pixel = (test_pixels - test_pixels.mean(dim=0)) / test_pixel_std
print(
    f"NaN values after per-pixel scaling: {per_pixel.isnan().sum().item():,} "
    f"(0/0 in {blank_test} columns x {len(test_pixels):,} images)"
)
