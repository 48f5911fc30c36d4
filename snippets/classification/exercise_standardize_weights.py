"""Exercise: the weights example 20 learned, turned into weights for the raw inputs."""

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

# Example 20's model and training, for 5 epochs instead of 20 to keep it quick.
model = nn.Sequential(nn.Linear(5, 4))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model.train()
for _ in range(5):
    order = torch.randperm(len(inputs))
    for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
        optimizer.zero_grad()
        loss_fn(model(x_batch), y_batch).backward()
        optimizer.step()

# The model sees (x - mean) / std. Multiplying that out gives a linear model of the
# raw x: the weight of input j divided by std_j, and the bias minus mean_j / std_j
# times that weight, summed over the inputs.
layer = model[0]
mean, std = torch.from_numpy(scaler.mean_).float(), torch.from_numpy(scaler.scale_).float()
with torch.no_grad():
    W_raw = layer.weight / std  # (4, 5): each input's column divided by its std
    b_raw = layer.bias - W_raw @ mean
    standardized = model(torch.from_numpy(scaler.transform(x_test))).argmax(dim=1)
    raw = (torch.from_numpy(x_test) @ W_raw.T + b_raw).argmax(dim=1)
y_test = torch.from_numpy(y_test)
print(f"standardized inputs, learned weights: test accuracy {(standardized == y_test).float().mean():.3f}")
print(f"raw inputs, converted weights:        test accuracy {(raw == y_test).float().mean():.3f}")
print(f"test rows where the two predictions differ: {(standardized != raw).sum()}")
print("\nweights for the raw inputs (rows: classes; columns: x0 .. x4), and biases:")
for name, w, bias in zip(encoder.classes_, W_raw, b_raw):
    print(f"  {name + ':':6s} " + " ".join(f"{v:6.2f}" for v in w) + f"   {bias:6.2f}")
