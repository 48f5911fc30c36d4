"""The fix: a regression model's output needs no activation at all."""

import numpy as np
import torch
from torch import nn

SEED = 3  # the same unlucky start as in dead_relu.py: every prediction begins below zero
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
n = len(x)

# The output is the raw linear prediction: any real number, negative included,
# and a gradient that never switches off.
model = nn.Sequential(nn.Linear(4, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.5)

# 20 epochs are plenty once the gradient can flow.
for epoch in range(1, 21):
    model.train()
    order = torch.randperm(n)
    for start in range(0, n, 50):
        rows = order[start : start + 50]
        optimizer.zero_grad()
        loss = loss_fn(model(x[rows]), y[rows])
        loss.backward()
        optimizer.step()
    if epoch % 4 == 0:
        model.eval()
        with torch.no_grad():
            full_loss = loss_fn(model(x), y).item()
        print(f"epoch {epoch:3d}: loss {full_loss:.2e}")

w = model[0].weight.detach().numpy().ravel()
for i, (learned, true) in enumerate(zip(w, true_weights), start=1):
    print(f"w{i}: learned {learned:.4f}, true {true:.2f}")
print(f"b : learned {model[0].bias.item():.4f}, true {true_bias:.2f}")
