"""Exercise: the loss of example 19 before its first update, and the best loss without the inputs."""

import math

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
loss_fn = nn.CrossEntropyLoss()

# Example 19's start: weights of about 0.01, biases 0. Every logit is close to 0, so
# softmax gives each class about 1/4, and minus the log of 1/4 is ln 4.
W = 0.01 * torch.randn(5, 4)
b = torch.zeros(4)
print(f"loss before the first update: {loss_fn(x_train @ W + b, y_train).item():.3f}")
print(f"ln 4 = {math.log(4):.3f}")

# Without the inputs (W = 0) the biases alone set one softmax for every row. The
# best choice is the log of each class's share: the loss is then the entropy of
# the shares, the cross-entropy counterpart of "always answer red".
share = torch.bincount(y_train, minlength=4) / len(y_train)
b = torch.log(share)
print(f"\nbiases = log of the class shares: loss {loss_fn(x_train @ torch.zeros(5, 4) + b, y_train).item():.3f}")
print(f"entropy of the shares, -sum p ln p: {-(share * torch.log(share)).sum().item():.3f}")
