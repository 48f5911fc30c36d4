"""Exercise: example 23's transforms with scale=True left out. What do the values become?"""

import torch
import torchvision
from torchvision.transforms import v2

right = v2.Compose(
    [
        v2.ToImage(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize((0.1307,), (0.3081,)),
    ]
)
# The slip: without scale=True, ToDtype only changes the type; the bytes stay 0..255.
forgot_scale = v2.Compose(
    [
        v2.ToImage(),
        v2.ToDtype(torch.float32),
        v2.Normalize((0.1307,), (0.3081,)),
    ]
)

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
image, label = train[0]  # a PIL image, as example 23's DataLoader fetches it
# The transforms also take a whole batch of images as one tensor (N, 1, 28, 28):
# here the first 10,000 training images at once, to see the mean and std of all pixels.
batch = train.data[:10_000].unsqueeze(1)

for name, transform in [("with scale=True", right), ("without scale=True", forgot_scale)]:
    one, many = transform(image), transform(batch)
    print(
        f"{name:<19} one item: min {one.min():.4f}, max {one.max():.4f};  "
        f"all pixels: mean {many.mean():.2f}, std {many.std():.2f}"
    )
