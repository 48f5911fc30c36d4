"""Exercise: example 21 with a ReLU after the last layer too; what the accuracy hides."""

import numpy as np
import torch
from sklearn.metrics import confusion_matrix
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
test_inputs = torch.from_numpy(scaler.transform(x_test))
labels = torch.from_numpy(y_train)

# The slip: a ReLU after the last layer as well, so no logit can go below 0.
model = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4), nn.ReLU())
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
# 4 epochs instead of 100 keep the exercise quick; as in example 21 the learning rate
# drops tenfold for the last one, so the model settles where it is.
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[3], gamma=0.1)
model.train()
for _ in range(4):
    order = torch.randperm(len(inputs))
    for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
        optimizer.zero_grad()
        loss = loss_fn(model(x_batch), y_batch)
        loss.backward()
        optimizer.step()
    scheduler.step()

model.eval()
with torch.no_grad():
    logits = model(test_inputs)
predicted = logits.argmax(dim=1).numpy()
print(f"test accuracy {np.mean(predicted == y_test):.1%}")
# A logit stuck at 0 for every row has a dead unit behind it: its input is negative
# everywhere, so the ReLU passes no gradient back and it never recovers.
for code, name in enumerate(encoder.classes_):
    print(f"{name:5s} logit 0 on every test row: {bool((logits[:, code] == 0).all())}")
# Where all four logits are 0 the scores tie, and argmax picks the first: black.
print(f"rows with all four logits 0: {(logits.max(dim=1).values == 0).sum().item()}")

matrix = confusion_matrix(y_test, predicted)
print("\nconfusion matrix (rows: true, columns: predicted)")
print("             " + " ".join(f"{name:>6s}" for name in encoder.classes_))
for name, row in zip(encoder.classes_, matrix):
    print(f"  true {name:5s} " + " ".join(f"{count:6d}" for count in row))
