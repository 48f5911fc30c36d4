"""Mistake: the model trained on standardized inputs, then tested on raw ones."""

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

scaler = StandardScaler().fit(x_train)
inputs = torch.from_numpy(scaler.transform(x_train))
labels = torch.from_numpy(y_train)

# The hidden-layer model of example 21, trained for 10 epochs instead of 100: the
# point here is the test, and 10 epochs already give a good model.
model = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
model.train()
for _ in range(10):
    order = torch.randperm(len(inputs))
    for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
        optimizer.zero_grad()
        loss = loss_fn(model(x_batch), y_batch)
        loss.backward()
        optimizer.step()

# --8<-- [start:the-mistake]
test_inputs = {
    "right: scaler.transform(x_test)": torch.from_numpy(scaler.transform(x_test)),
    "wrong: x_test as it is": torch.from_numpy(x_test),  # the forgotten transform
}
for name, test in test_inputs.items():
    model.eval()
    with torch.no_grad():
        predicted = model(test).argmax(dim=1).numpy()
    shares = np.bincount(predicted, minlength=4) / len(predicted)
    print(f"{name}")
    print(f"  inputs range {test.min():.2f} .. {test.max():.2f}, mean {test.mean():.2f}")
    print(f"  test accuracy {np.mean(predicted == y_test):.3f}")
    print("  predicted shares: " + ", ".join(f"{n} {s:.1%}" for n, s in zip(encoder.classes_, shares)))
print(f"(always answering red scores {np.mean(y_test == 3):.3f})")
# --8<-- [end:the-mistake]
