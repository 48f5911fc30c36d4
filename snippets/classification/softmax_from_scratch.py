"""Example 19: a linear classifier from raw tensors: logits x W + b, softmax and cross-entropy."""

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

# --8<-- [start:from-scratch]
# Labels stay int64 class indices, the target the cross-entropy loss takes for one
# class per row (it also takes float class probabilities of shape (N, 4), for soft labels).
x_train, y_train = torch.from_numpy(x_train), torch.from_numpy(y_train)
x_test, y_test = torch.from_numpy(x_test), torch.from_numpy(y_test)

# One column of weights per class: row @ W gives 4 scores (logits), one per colour.
W = (0.01 * torch.randn(5, 4)).requires_grad_()
b = torch.zeros(4, requires_grad=True)
learning_rate, batch_size, epochs = 0.01, 100, 200
# Log-softmax of the logits, then minus the log probability of the true class,
# averaged over the rows: softmax, log and mean in one numerically safe module.
loss_fn = nn.CrossEntropyLoss()


def accuracy(inputs, labels):
    with torch.no_grad():
        return ((inputs @ W + b).argmax(dim=1) == labels).float().mean().item()


for epoch in range(1, epochs + 1):
    order = torch.randperm(len(x_train))  # a new shuffle every epoch
    # Index once, then split() into 195 minibatches of 100 rows (views, no copies).
    for x_batch, y_batch in zip(x_train[order].split(batch_size), y_train[order].split(batch_size)):
        logits = x_batch @ W + b  # no activation: logits may be any real number
        loss = loss_fn(logits, y_batch)
        loss.backward()
        with torch.no_grad():
            W -= learning_rate * W.grad
            b -= learning_rate * b.grad
            W.grad.zero_()
            b.grad.zero_()
    if epoch in (1, 10, 50, 100, 150, 200):
        with torch.no_grad():
            train_loss = loss_fn(x_train @ W + b, y_train).item()
        print(f"epoch {epoch:3d}: training loss {train_loss:.4f}, test accuracy {accuracy(x_test, y_test):.3f}")
# --8<-- [end:from-scratch]

# What the model says about one test row: 4 logits, their softmax, and the argmax.
with torch.no_grad():
    logits = x_test[:1] @ W + b
    probabilities = torch.softmax(logits, dim=1)
print("\nfirst test row:", " ".join(f"{v:.2f}" for v in x_test[0]))
print("  class       " + " ".join(f"{name:>6s}" for name in encoder.classes_))
print("  logit       " + " ".join(f"{v:6.2f}" for v in logits[0]))
print("  probability " + " ".join(f"{v:6.3f}" for v in probabilities[0]))
print(f"  predicted {encoder.classes_[probabilities.argmax()]}, true {encoder.classes_[y_test[0]]}")
