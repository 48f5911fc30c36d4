"""Example 14: the same four-feature problem, trained with Adam instead of SGD."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34

x_np = rng.uniform(0, 10, size=(50_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


class LinearModel(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.linear = nn.Linear(n_features, 1)

    def forward(self, x):
        return self.linear(x)


model = LinearModel(4)
loss_fn = nn.MSELoss()
# The only line that changes: Adam scales each parameter's step by itself, so
# a learning rate of 0.5 (a hundred times SGD's) is fine, and the bias gets
# steps as large as the weights do.
optimizer = torch.optim.Adam(model.parameters(), lr=0.5)

# Below about 1e-9 the loss is float32 rounding noise (predictions of several tens
# carry errors of a few millionths), and its digits differ from one CPU to the next.
FLOAT32_NOISE = 1e-9


def shown(loss):
    return f"{loss:.3e}" if loss >= FLOAT32_NOISE else f"below {FLOAT32_NOISE:.0e} (float32 rounding noise)"


for iteration in range(4_001):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    if iteration % 500 == 0:
        print(f"iteration {iteration:5d}  loss {shown(loss.item())}")

w = model.linear.weight.detach().numpy().ravel()
b = model.linear.bias.item()
for i, (learned, true) in enumerate(zip(w, true_weights), start=1):
    print(f"w{i}: learned {learned:.4f}, true {true:.2f}")
print(f"b : learned {b:.4f}, true {true_bias:.2f}")
