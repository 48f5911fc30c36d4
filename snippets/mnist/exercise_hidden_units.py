"""Exercise: example 27's MLP with 64, 16 and 4 hidden units instead of 256."""

import torch
import torchvision
from torch import nn

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
# 2,000 training images instead of 10,000, and minibatches of 128 instead of 64, to run fast.
train_pixels = train.data[:2_000].flatten(start_dim=1).float() / 255
mean, std = train_pixels.mean(), train_pixels.std()
x_train = ((train_pixels - mean) / std).to(device)
x_test = ((test.data.flatten(start_dim=1).float() / 255 - mean) / std).to(device)
y_train, y_test = train.targets[:2_000].to(device), test.targets.to(device)


def fit(model, epochs=10, batch_size=128):
    """Example 27's training: Adam, lr 0.001 decaying along half a cosine, 10 epochs."""
    loss_fn = nn.CrossEntropyLoss()
    adam = torch.optim.Adam(model.parameters(), lr=1e-3)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(adam, T_max=epochs)
    g = torch.Generator().manual_seed(SEED)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(x_train), generator=g).to(device)
        for i in range(0, len(x_train), batch_size):
            idx = order[i : i + batch_size]
            adam.zero_grad()
            loss_fn(model(x_train[idx]), y_train[idx]).backward()
            adam.step()
        cosine.step()
    model.eval()
    with torch.no_grad():
        return (model(x_test).argmax(dim=1) == y_test).float().mean().item()


# For comparison, the linear layer trained the same way.
torch.manual_seed(SEED)
accuracy = fit(nn.Linear(784, 10).to(device))
print(f"{'no hidden layer:':<20}{7_850:>7,} parameters, test accuracy {accuracy:.1%}")
for hidden in [64, 16, 4]:
    torch.manual_seed(SEED)
    mlp = nn.Sequential(nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, 10)).to(device)
    size = sum(p.numel() for p in mlp.parameters())
    accuracy = fit(mlp)
    name = f"hidden layer of {hidden}:"
    print(f"{name:<20}{size:>7,} parameters, test accuracy {accuracy:.1%}")
