# Training times depend on the machine, so the checker ignores them:
# output-check: volatile=[\d.]+ s\b
# --8<-- [start:example]
"""Example 27: a small multilayer perceptron and a small convolutional network beat the random forest."""

import time

import matplotlib.pyplot as plt
import numpy as np
import torch
import torchvision
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix
from torch import nn

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
train_bytes = train.data[:10_000].flatten(start_dim=1)  # (10000, 784) uint8
test_bytes = test.data.flatten(start_dim=1)  # (10000, 784) uint8
y_train, y_test = train.targets[:10_000], test.targets

# Normalized with the training set's statistics (example 25), for the networks.
train_pixels = train_bytes.float() / 255
mean, std = train_pixels.mean(), train_pixels.std()
x_train = ((train_pixels - mean) / std).to(device)
x_test = ((test_bytes.float() / 255 - mean) / std).to(device)


def fit(model, optimizer, epochs=10, batch_size=64, scheduler=None):
    """Minibatch training by slicing a shuffled order (example 24)."""
    loss_fn = nn.CrossEntropyLoss()
    targets = y_train.to(device)
    g = torch.Generator().manual_seed(SEED)
    model.train()
    for _ in range(epochs):  # one epoch: every training image once
        order = torch.randperm(len(x_train), generator=g).to(device)
        for i in range(0, len(x_train), batch_size):
            idx = order[i : i + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), targets[idx])
            loss.backward()
            optimizer.step()
        if scheduler:
            scheduler.step()  # once per epoch
    model.eval()
    with torch.no_grad():
        return model(x_train).argmax(dim=1).cpu(), model(x_test).argmax(dim=1).cpu()


rows = []  # one per model: name, train accuracy, test accuracy, size, seconds


def add_row(name, on_train, on_test, size, seconds):
    """Accuracy on the training and on the test images, from the predictions."""
    train_acc = (on_train == y_train).float().mean().item()
    test_acc = (on_test == y_test).float().mean().item()
    rows.append((name, train_acc, test_acc, size, seconds, on_test))


# 1. The single linear layer of examples 23-25.
torch.manual_seed(SEED)
linear = nn.Linear(784, 10).to(device)
start = time.perf_counter()
on_train, on_test = fit(linear, torch.optim.SGD(linear.parameters(), lr=0.01))
size = f"{sum(p.numel() for p in linear.parameters()):,} parameters"
add_row("linear 784->10, SGD", on_train, on_test, size, time.perf_counter() - start)

# 2. The random forest of example 26, on the raw bytes.
forest = RandomForestClassifier(n_estimators=60, random_state=42, n_jobs=-1)
start = time.perf_counter()
forest.fit(train_bytes.numpy(), y_train.numpy())
seconds = time.perf_counter() - start
on_train = torch.from_numpy(forest.predict(train_bytes.numpy()))
on_test = torch.from_numpy(forest.predict(test_bytes.numpy()))
size = f"{sum(tree.tree_.node_count for tree in forest.estimators_):,} tree nodes"
add_row("random forest, 60 trees", on_train, on_test, size, seconds)

# --8<-- [start:mlp-and-table]
# 3. A multilayer perceptron: one hidden layer of 256 ReLU units between the pixels
# and the 10 scores lets the model combine pixels into strokes before it votes.
torch.manual_seed(SEED)
mlp = nn.Sequential(
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Linear(256, 10),
).to(device)
adam = torch.optim.Adam(mlp.parameters(), lr=1e-3)
# The learning rate falls from 0.001 to 0 along half a cosine over the 10 epochs, so
# the network settles instead of stopping wherever its last full-size steps put it
# (which depends on how the CPU rounds: a few test images apart between machines).
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(adam, T_max=10)
start = time.perf_counter()
on_train, on_test = fit(mlp, adam, scheduler=cosine)
size = f"{sum(p.numel() for p in mlp.parameters()):,} parameters"
add_row("MLP 784->256->10, Adam", on_train, on_test, size, time.perf_counter() - start)

# 4. A small convolutional network. Its first layers slide 5x5 filters over the image,
# the same weights at every position, so a stroke is recognised wherever it appears;
# max pooling keeps the strongest response of each 2x2 patch.
torch.manual_seed(SEED)
cnn = nn.Sequential(
    nn.Unflatten(1, (1, 28, 28)),  # the 784 pixels back into a 28x28 image, 1 channel
    nn.Conv2d(1, 8, kernel_size=5),  # 8 filters -> 8 maps of 24 x 24
    nn.ReLU(),
    nn.MaxPool2d(2),  # -> 8 maps of 12 x 12
    nn.Conv2d(8, 16, kernel_size=5),  # 16 filters over the 8 maps -> 16 maps of 8 x 8
    nn.ReLU(),
    nn.MaxPool2d(2),  # -> 16 maps of 4 x 4
    nn.Flatten(),  # -> 256 numbers
    nn.Linear(256, 10),
).to(device)
adam = torch.optim.Adam(cnn.parameters(), lr=3e-3)
# 5 epochs, not 10: an epoch of convolutions costs several times the MLP's.
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(adam, T_max=5)
start = time.perf_counter()
on_train, on_test = fit(cnn, adam, epochs=5, scheduler=cosine)
size = f"{sum(p.numel() for p in cnn.parameters()):,} parameters"
add_row("CNN 2 conv layers, Adam", on_train, on_test, size, time.perf_counter() - start)

# Two decimals: how a CPU rounds moves the networks' accuracy by a few of the 10,000
# images, which a third decimal would show.
print(f"{'model':<25}{'train acc':>10}{'test acc':>10}  {'size':<21}training time")
for name, train_acc, test_acc, size, seconds, _ in rows:
    print(f"{name:<25}{train_acc:>10.2f}{test_acc:>10.2f}  {size:<21}{seconds:.1f} s")
print("(10,000 training and 10,000 test images; times are machine-dependent)")
# --8<-- [end:mlp-and-table]

# Where does the best model still go wrong? Rows: true digit, columns: prediction.
best_name, _, _, _, _, best_on_test = max(rows, key=lambda row: row[2])
matrix = confusion_matrix(y_test.numpy(), best_on_test.numpy())
mistakes = matrix.copy()
np.fill_diagonal(mistakes, 0)  # keep only the off-diagonal counts
true_digit, read_as = divmod(int(mistakes.argmax()), 10)  # row, column
print(f"most frequent mistake of the most accurate model: {true_digit} read as {read_as}")

fig, ax = plt.subplots(figsize=(6.5, 5.5))
display = ConfusionMatrixDisplay(matrix, display_labels=range(10))
display.plot(ax=ax, cmap="Blues", colorbar=False)
ax.set_title(f"{best_name}: confusion matrix on the 10,000 test images")
ax.set_xlabel("predicted digit")
ax.set_ylabel("true digit")
plt.show()
