"""Exercise: example 20 without the scaler, at its learning rate of 0.1 and at 0.01."""

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
loss_fn = nn.CrossEntropyLoss()


def train(inputs, lr, epochs=5):
    """Example 20's model and training (5 epochs instead of 20), from the same start."""
    torch.manual_seed(SEED)
    model = nn.Sequential(nn.Linear(5, 4))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    inputs, labels = torch.from_numpy(inputs), torch.from_numpy(y_train)
    losses = []
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(inputs))
        for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
            optimizer.zero_grad()
            loss_fn(model(x_batch), y_batch).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            losses.append(loss_fn(model(inputs), labels).item())
    return losses


runs = {
    "standardized, lr 0.1": train(scaler.transform(x_train), 0.1),
    "raw,          lr 0.1": train(x_train, 0.1),
    "raw,          lr 0.01": train(x_train, 0.01),
}
print("training loss after epoch      1      2      3      4      5")
for name, losses in runs.items():
    print(f"  {name:21s}   " + " ".join(f"{loss:6.3f}" for loss in losses))
