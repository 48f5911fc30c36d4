"""Decision regions of the linear model (example 20) and the hidden-layer model (example 21)."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch
from sklearn.preprocessing import LabelEncoder, StandardScaler
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)


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


def train(model, optimizer, epochs, scheduler=None):
    """Minibatches of 100 rows, reshuffled every epoch, as in examples 20 and 21."""
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(inputs))
        for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
            optimizer.zero_grad()
            loss = loss_fn(model(x_batch), y_batch)
            loss.backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()  # once per epoch


torch.manual_seed(SEED)  # the same start as example 20
linear = nn.Sequential(nn.Linear(5, 4))
train(linear, torch.optim.SGD(linear.parameters(), lr=0.1), epochs=20)

torch.manual_seed(SEED)  # the same start as example 21
hidden = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4))
optimizer = torch.optim.Adam(hidden.parameters(), lr=0.05)
# Example 21's schedule: a tenth of the learning rate after epoch 50.
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[50], gamma=0.1)
train(hidden, optimizer, epochs=100, scheduler=scheduler)

# --8<-- [start:the-slice]
# A 2-D slice of the 5-D input space: x1 and x2 vary over a 300 x 300 grid, the
# other three inputs are fixed. With x0 = 2 rule 1 (x0 > 5: red) never fires,
# with x4 = 1 rule 4 (x4 > x0: black) never fires, and with x3 = 5 rules 5 and 6
# together make every row with x2 < 4 green. All four colours then share the plane.
fixed = {"x0": 2.0, "x3": 5.0, "x4": 1.0}
g1, g2 = np.meshgrid(np.linspace(0, 10, 300), np.linspace(0, 10, 300))
grid = np.zeros((g1.size, 5), dtype=np.float32)
grid[:, 0], grid[:, 1], grid[:, 2] = fixed["x0"], g1.ravel(), g2.ravel()
grid[:, 3], grid[:, 4] = fixed["x3"], fixed["x4"]

truth = encoder.transform(colour_rule(grid))
linear.eval()
hidden.eval()
with torch.no_grad():
    scaled_grid = torch.from_numpy(scaler.transform(grid))
    regions = {
        "The seven rules": truth,
        "Linear model (example 20)": linear(scaled_grid).argmax(dim=1).numpy(),
        "Hidden layer (example 21)": hidden(scaled_grid).argmax(dim=1).numpy(),
    }

print("slice: " + ", ".join(f"{name} = {value}" for name, value in fixed.items()) + "; x1, x2 in [0, 10]")
# Whole percent: a tenth of a percent is 90 of the 90,000 grid points, and how the
# CPU rounds can move a border by a few points.
for title, predicted in list(regions.items())[1:]:
    print(f"{title:26s} agrees with the rules on {np.mean(predicted == truth):.0%} of the slice")
# --8<-- [end:the-slice]

colours = ["#333333", "#1f77b4", "#2ca02c", "#d62728"]  # black, blue, green, red: codes 0..3
fig, axes = plt.subplots(1, 3, figsize=(13, 4.8), sharey=True, layout="constrained")
for ax, (title, predicted) in zip(axes, regions.items()):
    ax.imshow(
        predicted.reshape(g1.shape),
        origin="lower",
        extent=(0, 10, 0, 10),
        cmap=ListedColormap(colours),
        vmin=0,
        vmax=3,
        alpha=0.8,
    )
    # The borders of the rules on this slice, dashed, over every panel for comparison.
    ax.plot([0, 10], [10, 0], "w--", lw=1)  # x1 + x2 = 10
    ax.plot([3.5, 3.5], [0, 6.5], "w--", lw=1)  # 2 * x1 = 7
    ax.plot([3.5, 6], [4, 4], "w--", lw=1)  # x3 - x2 = 1 with x3 = 5
    ax.set_title(title)
    ax.set_xlabel("x1")
axes[0].set_ylabel("x2")
fig.legend(
    handles=[Patch(color=c, label=name) for c, name in zip(colours, encoder.classes_)],
    loc="outside lower center",
    ncol=4,
)
fig.suptitle("Colour of each point on the slice x0 = 2, x3 = 5, x4 = 1")
plt.show()
