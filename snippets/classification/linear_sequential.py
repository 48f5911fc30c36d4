"""Example 20: nn.Sequential(nn.Linear(5, 4)) on standardized inputs: still a linear classifier."""

import numpy as np
import torch
from sklearn.preprocessing import LabelEncoder, StandardScaler
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

# --8<-- [start:standardization-and-training]
# Standardization: shift and scale each input column to mean 0 and standard
# deviation 1. The statistics come from the training rows ONLY; the test rows are
# then transformed with those same numbers, exactly as future data would be.
scaler = StandardScaler().fit(x_train)
x_train = torch.from_numpy(scaler.transform(x_train))
x_test = torch.from_numpy(scaler.transform(x_test))
y_train, y_test = torch.from_numpy(y_train), torch.from_numpy(y_test)
print("training means:", " ".join(f"{m:.3f}" for m in scaler.mean_))
print("training stds: ", " ".join(f"{s:.3f}" for s in scaler.scale_), "(10 / sqrt(12) = 2.887 for [0, 10))")

# The same model as example 19: nn.Linear(5, 4) holds W (stored transposed, 4 x 5)
# and b, and computes the logits x W + b.
model = nn.Sequential(nn.Linear(5, 4))
loss_fn = nn.CrossEntropyLoss()  # log-softmax of the logits, then the mean cross-entropy
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batch_size, epochs = 100, 20

for epoch in range(1, epochs + 1):
    # train() and eval() switch the model between training and evaluation (Part 3b):
    # no layer here behaves differently, but the habit keeps later models right.
    model.train()
    # Shuffle once per epoch, then split the shuffled rows into minibatches of 100:
    # split() returns views, so no batch costs another copy or index lookup.
    order = torch.randperm(len(x_train))
    for x_batch, y_batch in zip(x_train[order].split(batch_size), y_train[order].split(batch_size)):
        optimizer.zero_grad()
        loss = loss_fn(model(x_batch), y_batch)
        loss.backward()
        optimizer.step()
    if epoch in (1, 5, 10, 20):
        model.eval()
        with torch.no_grad():
            train_loss = loss_fn(model(x_train), y_train).item()
            test_accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
        print(f"epoch {epoch:2d}: training loss {train_loss:.4f}, test accuracy {test_accuracy:.3f}")
# --8<-- [end:standardization-and-training]

# Where do the errors fall? Recall = the share of each true class that was found.
model.eval()
with torch.no_grad():
    predicted = model(x_test).argmax(dim=1)
print("\nrecall per class:")
for code, name in enumerate(encoder.classes_):
    found = (predicted[y_test == code] == code).float().mean().item()
    print(f"  {name:5s} {found:.3f} of {int((y_test == code).sum())} rows")
