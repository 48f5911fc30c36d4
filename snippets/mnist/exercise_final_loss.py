"""Exercise: the mean loss of the last epoch against the loss of the trained model."""

import torch
import torchvision
from torch import nn

SEED = 0
torch.manual_seed(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)


def prepare(images):
    """uint8 pixels 0..255 -> normalized floats, one row of 784 per image (example 24)."""
    x = (images.float() / 255 - 0.1307) / 0.3081
    return x.flatten(start_dim=1).to(device)


# 2,000 training images instead of 10,000, to run fast; otherwise example 24's training.
x_train, y_train = prepare(train.data[:2_000]), train.targets[:2_000].to(device)
x_test, y_test = prepare(test.data), test.targets.to(device)

model = nn.Linear(28 * 28, 10).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
g = torch.Generator().manual_seed(SEED)
n, batch_size = len(x_train), 64
model.train()
for _ in range(10):  # 10 epochs
    order = torch.randperm(n, generator=g).to(device)
    total = 0.0
    for i in range(0, n, batch_size):
        idx = order[i : i + batch_size]
        optimizer.zero_grad()
        loss = loss_fn(model(x_train[idx]), y_train[idx])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)  # the loss of the model as it was at this step
print(f"epoch 10 mean training loss: {total / n:.3f}")

# The trained model, as it stands after the last step, on all images at once.
model.eval()
with torch.no_grad():
    print(f"trained model, training images: {loss_fn(model(x_train), y_train).item():.3f}")
    print(f"trained model, test images: {loss_fn(model(x_test), y_test).item():.3f}")
