"""Exercise: a small convolutional network against an MLP, on digits moved one pixel to the right."""

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

SEED = 0
torch.manual_seed(SEED)

# The images and split of exercise 1, as tensors of shape (images, 1 channel, 8, 8),
# with the pixels scaled from 0..16 to 0..1.
digits = load_digits()
x_train, x_test, y_train, y_test = train_test_split(
    digits.images / 16, digits.target, test_size=0.25, stratify=digits.target, random_state=SEED
)
x_train = torch.tensor(x_train, dtype=torch.float32).unsqueeze(1)
x_test = torch.tensor(x_test, dtype=torch.float32).unsqueeze(1)
y_train, y_test = torch.tensor(y_train), torch.tensor(y_test)
moved = torch.zeros_like(x_test)
moved[..., 1:] = x_test[..., :-1]  # one pixel to the right, blank left column

mlp = nn.Sequential(nn.Flatten(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
# Each Conv2d slides the same 3 x 3 filters over every position of the image; the max
# pool keeps each filter's strongest response, wherever in the image it was.
cnn = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.Conv2d(8, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.AdaptiveMaxPool2d(1),
    nn.Flatten(),
    nn.Linear(16, 10),
)

for name, model in [("MLP", mlp), ("CNN", cnn)]:
    adam, loss_fn = torch.optim.Adam(model.parameters(), lr=0.01), nn.CrossEntropyLoss()
    for _ in range(20):  # minibatches of 128 from a shuffled order (example 24)
        order = torch.randperm(len(x_train))
        for i in range(0, len(x_train), 128):
            batch = order[i : i + 128]
            adam.zero_grad()
            loss_fn(model(x_train[batch]), y_train[batch]).backward()
            adam.step()
    with torch.no_grad():
        as_they_are = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
        shifted = (model(moved).argmax(dim=1) == y_test).float().mean().item()
    parameters = sum(p.numel() for p in model.parameters())
    print(f"{name}: {parameters:,} parameters, test {as_they_are:.1%}, moved one pixel right {shifted:.1%}")
