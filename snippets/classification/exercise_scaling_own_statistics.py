"""Exercise: the test rows scaled with their own statistics, all 500 together and one at a time."""

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

# The hidden-layer model of example 21, trained for 3 epochs: enough for a good model.
model = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
model.train()
for _ in range(3):
    order = torch.randperm(len(inputs))
    for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
        optimizer.zero_grad()
        loss = loss_fn(model(x_batch), y_batch)
        loss.backward()
        optimizer.step()

test_inputs = {
    "training statistics": scaler.transform(x_test),
    # The slip: a scaler fitted on the test rows themselves.
    "the test set's own": StandardScaler().fit_transform(x_test),
    # The same slip when rows come one at a time, as they do in use: a single row is
    # its own mean and has no spread (StandardScaler then divides by 1), so every
    # row becomes five zeros, whatever it was.
    "each row's own": np.vstack([StandardScaler().fit_transform(row[None]) for row in x_test]),
}
model.eval()
for name, test in test_inputs.items():
    with torch.no_grad():
        predicted = model(torch.from_numpy(test)).argmax(dim=1).numpy()
    answers = ", ".join(encoder.classes_[np.unique(predicted)])
    print(f"{name:20s}: test accuracy {np.mean(predicted == y_test):.1%}, largest |input| {np.abs(test).max():.2f}")
    if len(np.unique(predicted)) == 1:
        print(f"  every row predicted {answers}")
print(f"the test set's own means: {' '.join(f'{m:.2f}' for m in x_test.mean(axis=0))}")
print(f"training means:           {' '.join(f'{m:.2f}' for m in scaler.mean_)}")
