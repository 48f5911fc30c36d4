"""Exercise: find the bug in a prediction that takes the softmax over the wrong dimension."""

import numpy as np
import torch
from sklearn.preprocessing import LabelEncoder
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)


# --- the data of example 17: these lines are the same in every snippet of Part 4 ---
def colour_rule(x):
    """The colour of each row of x: the first of the seven rules that holds decides."""
    x0, x1, x2, x3, x4 = x.T
    return np.select(
        [x0 > 5, x1 + x2 > 10, 2 * x1 < 7, x4 > x0, x2 < 3, x3 - x2 > 1],
        ["red", "blue", "red", "black", "green", "green"],
        default="black",
    )


x = rng.uniform(0, 10, size=(20_000, 5)).astype(np.float32)
colour = colour_rule(x)
encoder = LabelEncoder()
y = encoder.fit_transform(colour)  # black, blue, green, red -> 0, 1, 2, 3
x_train, y_train = x[:19_500], y[:19_500]
x_test, y_test = x[19_500:], y[19_500:]
# --- end of the shared data ---

x_train, y_train = torch.from_numpy(x_train), torch.from_numpy(y_train)
x_test, y_test = torch.from_numpy(x_test), torch.from_numpy(y_test)

# Example 19's model and training, for 10 epochs instead of 200 to keep it quick.
W = (0.01 * torch.randn(5, 4)).requires_grad_()
b = torch.zeros(4, requires_grad=True)
loss_fn = nn.CrossEntropyLoss()
for _ in range(10):
    order = torch.randperm(len(x_train))
    for x_batch, y_batch in zip(x_train[order].split(100), y_train[order].split(100)):
        loss = loss_fn(x_batch @ W + b, y_batch)
        loss.backward()
        with torch.no_grad():
            W -= 0.01 * W.grad
            b -= 0.01 * b.grad
            W.grad.zero_()
            b.grad.zero_()

with torch.no_grad():
    logits = x_test @ W + b  # 500 rows x 4 classes
    right = torch.softmax(logits, dim=1)  # over the 4 classes of each row
    buggy = torch.softmax(logits, dim=0)  # over the 500 rows of each class
    alone = torch.softmax(logits[:1], dim=0)  # the buggy version, one row at a time
for name, probabilities in [("dim=1", right), ("dim=0", buggy)]:
    accuracy = (probabilities.argmax(dim=1) == y_test).float().mean()
    print(f"{name}: first row sums to {probabilities[0].sum():.3g}, test accuracy {accuracy:.3f}")
shares = torch.bincount(buggy.argmax(dim=1), minlength=4) / len(y_test)
print("  dim=0 predicts: " + ", ".join(f"{n} {s:.1%}" for n, s in zip(encoder.classes_, shares)))
# One row alone: each class's softmax over one row is exp(z) / exp(z) = 1, a four-way
# tie, and argmax picks the first index, black.
print(f"dim=0 on the first row alone: {alone[0].tolist()} -> {encoder.classes_[alone.argmax(dim=1)[0]]}")
