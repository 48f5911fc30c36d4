"""Example 21: one hidden layer of 10 ReLU units carves the rule-shaped regions a line cannot."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix
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

# Standardized as in example 20: statistics from the training rows only.
scaler = StandardScaler().fit(x_train)
x_train = torch.from_numpy(scaler.transform(x_train))
x_test = torch.from_numpy(scaler.transform(x_test))
y_train, y_test = torch.from_numpy(y_train), torch.from_numpy(y_test)

# --8<-- [start:training]
# 5 inputs -> 10 hidden units -> ReLU -> 4 logits. The ReLU sits between the two
# linear layers, never after the last one: logits must be free to go negative.
model = nn.Sequential(
    nn.Linear(5, 10),
    nn.ReLU(),
    nn.Linear(10, 4),
)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
# After 50 epochs the learning rate drops tenfold, to 0.005: the large steps find a
# good solution fast, the small ones let the model settle in it. (At 0.05 to the end
# the model keeps jumping around that solution, and where it stops depends on how
# the CPU rounds: the last losses and a test row or two then differ between machines.)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[50], gamma=0.1)
batch_size, epochs = 100, 100

for epoch in range(1, epochs + 1):
    model.train()
    # Shuffle once per epoch, then split the shuffled rows into minibatches of 100:
    # split() returns views, so no batch costs another copy or index lookup.
    order = torch.randperm(len(x_train))
    for x_batch, y_batch in zip(x_train[order].split(batch_size), y_train[order].split(batch_size)):
        optimizer.zero_grad()
        loss = loss_fn(model(x_batch), y_batch)
        loss.backward()
        optimizer.step()
    scheduler.step()  # counts epochs: after the 50th, lr = 0.05 * 0.1
    if epoch in (1, 10, 25, 50, 75, 100):
        model.eval()
        with torch.no_grad():
            train_loss = loss_fn(model(x_train), y_train).item()
            test_accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
        print(f"epoch {epoch:3d}: training loss {train_loss:.4f}, test accuracy {test_accuracy:.3f}")
# --8<-- [end:training]

model.eval()
with torch.no_grad():
    predicted = model(x_test).argmax(dim=1).numpy()
y_test = y_test.numpy()
print(f"\n{np.sum(predicted == y_test)} of {len(y_test)} test rows right, {np.sum(predicted != y_test)} wrong")

# Confusion matrix: row = true class, column = predicted class. The diagonal counts
# the right answers; every number off the diagonal is one kind of mistake.
matrix = confusion_matrix(y_test, predicted)
print("\nconfusion matrix (rows: true, columns: predicted)")
print("        " + " ".join(f"{name:>6s}" for name in encoder.classes_))
for name, row in zip(encoder.classes_, matrix):
    print(f"  {name:5s} " + " ".join(f"{count:6d}" for count in row))

fig, ax = plt.subplots(figsize=(5, 4.5), layout="constrained")
display = ConfusionMatrixDisplay(matrix, display_labels=encoder.classes_)
display.plot(ax=ax, cmap="Blues", colorbar=False)
ax.set_title("Hidden-layer model on the 500 test rows")
plt.show()
