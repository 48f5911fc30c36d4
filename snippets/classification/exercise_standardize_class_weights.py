"""Exercise: a class-weighted loss, so that the rare green rows count as much as the red ones."""

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
inputs, labels = torch.from_numpy(scaler.transform(x_train)), torch.from_numpy(y_train)
x_test, y_test = torch.from_numpy(scaler.transform(x_test)), torch.from_numpy(y_test)

# "Balanced" weights, as scikit-learn's class_weight="balanced" computes them: each
# class weighs rows / (4 * its count), so every class has the same total weight.
counts = torch.bincount(labels, minlength=4)
balanced = len(labels) / (4 * counts.float())
print("class weights: " + ", ".join(f"{n} {w:.2f}" for n, w in zip(encoder.classes_, balanced)))

print("\ntest rows per class:    " + "".join(f"{n:>7s}" for n in encoder.classes_))
print(" " * 24 + "".join(f"{c:7d}" for c in torch.bincount(y_test, minlength=4)))
for name, weight in [("plain loss", None), ("balanced weights", balanced)]:
    # Example 20's model and training, for 5 epochs instead of 20 to keep it quick.
    torch.manual_seed(SEED)
    model = nn.Sequential(nn.Linear(5, 4))
    loss_fn = nn.CrossEntropyLoss(weight=weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    model.train()
    for _ in range(5):
        order = torch.randperm(len(inputs))
        for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
            optimizer.zero_grad()
            loss_fn(model(x_batch), y_batch).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        predicted = model(x_test).argmax(dim=1)
    found = [int((predicted[y_test == code] == code).sum()) for code in range(4)]
    accuracy = (predicted == y_test).float().mean()
    print(f"found, {name + ':':17s}" + "".join(f"{f:7d}" for f in found) + f"   test accuracy {accuracy:.3f}")
