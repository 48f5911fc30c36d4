"""Example 22: a first look at MNIST, as torchvision hands it to us."""

import matplotlib.pyplot as plt
import numpy as np
import torch
import torchvision

# download=True fetches the files into data/MNIST/raw the first time (about 12 MB
# compressed) and reuses them afterwards.
train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)

# This chapter trains on the first 10,000 of MNIST's 60,000 training images, which
# keeps the examples short and their numbers the same whatever copy of MNIST you have.
MNIST_TRAINING_IMAGES = 60_000
train_small = torch.utils.data.Subset(train, range(10_000))
print(f"training images used: {len(train_small)} (of the {MNIST_TRAINING_IMAGES:,} in MNIST)")
print(f"test images:          {len(test)}")

# Indexing a dataset returns one item: a (PIL image, integer label) pair.
image, label = train_small[18]
image_type = f"{type(image).__module__}.{type(image).__name__}"
print(f"item type:  ({image_type}, {type(label).__name__})")
print(f"image size: {image.size} pixels, mode {image.mode!r} (8-bit grey)")
pixels = np.asarray(image)
print(f"as array:   shape {pixels.shape}, dtype {pixels.dtype}")
# In Pillow's mode "L", 0 is black and 255 white: MNIST's digits are white strokes
# on a black background.
print(f"pixel values: {pixels.min()} (black background) to {pixels.max()} (white stroke)")
print(f"label of training image 18: {label}")

# How many of each digit? The dataset also keeps all its labels in one tensor,
# train.targets; its first 10,000 entries are our subset's labels.
labels = train.targets[:10_000]
counts = torch.bincount(labels, minlength=10)
print("images per digit 0-9:", " ".join(str(int(c)) for c in counts))
print(f"always answering {int(counts.argmax())}: right on {counts.max() / len(labels):.1%} of these images")

# A grid of the first 32 training digits with their labels.
fig, axes = plt.subplots(4, 8, figsize=(8, 4.6))
for i, ax in enumerate(axes.flat):
    img, lab = train_small[i]
    ax.imshow(img, cmap="gray_r")  # reversed grey map: the bright strokes drawn dark on light
    ax.set_title(f"#{i}: {lab}", fontsize=9)  # index in the data set: label
    ax.axis("off")
fig.suptitle("The first 32 MNIST training images (#index: label)")
fig.tight_layout()
plt.show()
