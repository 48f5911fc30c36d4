"""Exercise: example 13 on standardized inputs, where SGD can take far larger steps."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
# 5,000 samples instead of 50,000 keep the runs quick; the curvatures barely change.
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
y = torch.from_numpy(y_np)

# Standardize each column: subtract its mean, divide by its standard deviation.
mean = x_np.mean(axis=0, dtype=np.float64)
std = x_np.std(axis=0, dtype=np.float64)
x_std_np = ((x_np - mean) / std).astype(np.float32)
x_std = torch.from_numpy(x_std_np)

# The curvatures of the new problem, computed as in example 13.
a = np.hstack([x_std_np, np.ones((len(x_std_np), 1))]).astype(np.float64)
curvatures = np.linalg.eigvalsh(2 * a.T @ a / len(a))
steep, flat = curvatures[-1], curvatures[0]
print(f"curvature: steepest direction {steep:.2f}, flattest {flat:.2f}, ratio {steep / flat:.2f}")
print(f"largest learning rate that does not diverge: 2 / {steep:.2f} = {2 / steep:.2f}")

torch.manual_seed(SEED)
model = nn.Linear(4, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # 20 times example 13's
for iteration in range(101):
    optimizer.zero_grad()
    loss = loss_fn(model(x_std), y)
    loss.backward()
    optimizer.step()
    if iteration % 20 == 0:
        # Below 1e-6 the loss is float32 rounding noise, whose digits vary between CPUs.
        shown = f"{loss.item():.3g}" if loss.item() >= 1e-6 else "below 1e-6"
        print(f"iteration {iteration:3d}  loss {shown}")

# The model learned y = w_s . (x - mean) / std + b_s. In the units of x that is
# w = w_s / std and b = b_s - sum(w_s * mean / std): the rule of example 13.
w_s = model.weight.detach().numpy().ravel().astype(np.float64)
w = w_s / std
b = model.bias.item() - np.sum(w_s * mean / std)
for i, (learned, true) in enumerate(zip(w, true_weights), start=1):
    print(f"w{i}: learned {learned:.4f}, true {true:.2f}")
print(f"b : learned {b:.4f}, true {true_bias:.2f}")
