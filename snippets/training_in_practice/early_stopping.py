"""Early stopping: train on 30 samples, watch a validation set, keep the best weights, test once."""

import copy

import matplotlib.pyplot as plt
import torch
from torch import nn

SEED = 0
torch.manual_seed(SEED)


def make_data(n):
    """Noisy samples of the cubic 5.2 x^3 on [-1, 1]; the noise has standard deviation 0.5."""
    x = torch.rand(n, 1) * 2 - 1
    return x, 5.2 * x**3 + 0.5 * torch.randn(n, 1)


# Three separate sets: the training set fits the weights, the validation set chooses
# when to stop, and the test set is looked at once, at the very end.
x_train, y_train = make_data(30)
x_val, y_val = make_data(200)
x_test, y_test = make_data(1_000)

network = nn.Sequential(nn.Linear(1, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
optimizer = torch.optim.Adam(network.parameters(), lr=0.003)
loss_fn = nn.MSELoss()

EPOCHS, CHECK_EVERY = 2_000, 100
train_curve, val_curve = [], []
best_val, best_epoch, best_state = float("inf"), 0, None
for epoch in range(1, EPOCHS + 1):
    network.train()
    optimizer.zero_grad()
    loss = loss_fn(network(x_train), y_train)  # all 30 samples: one step per epoch
    loss.backward()
    optimizer.step()
    train_curve.append(loss.item())
    if epoch % CHECK_EVERY == 0:
        network.eval()
        with torch.no_grad():
            val_loss = loss_fn(network(x_val), y_val).item()
        val_curve.append((epoch, val_loss))
        if val_loss < best_val:  # the best so far: keep a copy of its weights
            best_val, best_epoch = val_loss, epoch
            best_state = copy.deepcopy(network.state_dict())

print(f"lowest validation MSE: {best_val:.3f} after epoch {best_epoch}")
# Past that point the run fits the noise of its 30 samples; how far it drifts depends
# on the CPU's rounding, but not that it drifts (the figure shows the whole curve).
print(f"validation MSE after all {EPOCHS} epochs is higher: {val_curve[-1][1] > best_val}")
network.load_state_dict(best_state)  # early stopping: back to the best weights
network.eval()
with torch.no_grad():
    print(f"test MSE of the chosen weights, measured once: {loss_fn(network(x_test), y_test).item():.3f}")

plt.plot(range(1, EPOCHS + 1), train_curve, label="training loss (every epoch)")
plt.plot(*zip(*val_curve), marker="o", label=f"validation loss (every {CHECK_EVERY} epochs)")
plt.axvline(best_epoch, color="grey", linestyle=":", label=f"lowest validation loss, epoch {best_epoch}")
plt.xlabel("epoch")
plt.ylabel("mean squared error")
plt.ylim(0.1, 0.4)  # the first epochs, far higher, would flatten the rest
plt.legend()
plt.show()
