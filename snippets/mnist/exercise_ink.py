"""Exercise: how much of an MNIST image is ink? Predict, then count."""

import torch
import torchvision

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
# The dataset keeps all its images in one uint8 tensor, train.data, of shape
# (N, 28, 28); its first 10,000 rows are the images of example 22's Subset.
images = train.data[:10_000].flatten(start_dim=1)  # (10000, 784), one row per image
labels = train.targets[:10_000]

# Counting on whole tensors: the comparisons give booleans, and their sums are exact.
lit = (images > 0).sum(dim=1)  # pixels with any ink, per image
print(f"pixels exactly 0 (background): {(images == 0).float().mean():.1%}")
print(f"lit pixels per image: {lit.float().mean():.0f} of 784 on average")
# The mean grey level, scaled to [0, 1] as ToDtype(..., scale=True) does.
print(f"mean pixel value, scaled to [0, 1]: {images.sum() / images.numel() / 255:.4f}")

# The same count, averaged over the images of each digit.
per_digit = torch.stack([lit[labels == digit].float().mean() for digit in range(10)])
most, fewest = per_digit.argmax().item(), per_digit.argmin().item()
print(f"most lit pixels: the {most}s, {per_digit[most]:.0f} per image on average")
print(f"fewest lit pixels: the {fewest}s, {per_digit[fewest]:.0f} per image on average")
