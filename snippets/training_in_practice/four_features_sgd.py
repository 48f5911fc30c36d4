"""Example 13: four features, y = 1.11 x1 + 2.22 x2 + 3.33 x3 + 4.44 x4 + 12.34, with plain SGD."""

from itertools import pairwise

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34

# 50,000 samples, four features each, uniform in [0, 10). float32 throughout,
# so the targets already have the dtype the model's predictions will have.
x_np = rng.uniform(0, 10, size=(50_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)


class LinearModel(nn.Module):
    """The same idiomatic program as example 12, now with four inputs."""

    def __init__(self, n_features):
        super().__init__()
        self.linear = nn.Linear(n_features, 1)

    def forward(self, x):
        return self.linear(x)


model = LinearModel(4)
loss_fn = nn.MSELoss()
# lr 0.01 worked for one feature; with four features the loss surface is much
# steeper (predictions now move by the sum of four inputs), and 0.01 diverges.
learning_rate = 0.005
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

checkpoints = []  # the loss every 1,000 iterations
for iteration in range(8_001):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    if iteration % 1_000 == 0:
        checkpoints.append(loss.item())
        print(f"iteration {iteration:5d}  loss {loss.item():.6f}")

w = model.linear.weight.detach().numpy().ravel()
b = model.linear.bias.item()
for i, (learned, true) in enumerate(zip(w, true_weights), start=1):
    print(f"w{i}: learned {learned:.4f}, true {true:.2f}")
print(f"b : learned {b:.4f}, true {true_bias:.2f}")

# How much each 1,000 iterations divide the loss by, from iteration 1,000 on.
factors = [before / after for before, after in pairwise(checkpoints[1:])]
print(f"loss divided per 1,000 iterations: between {min(factors):.3f} and {max(factors):.3f}")

# The curvature of the loss along each direction depends on the data alone: the
# eigenvalues of its second-derivative matrix, 2/n A^T A, where A is x with a
# column of ones appended (the bias's "input").
a = np.hstack([x_np, np.ones((len(x_np), 1))]).astype(np.float64)
curvatures = np.linalg.eigvalsh(2 * a.T @ a / len(a))  # in ascending order
steep, flat = curvatures[-1], curvatures[0]
print(f"curvature: steepest direction {steep:.1f}, flattest {flat:.3f}, ratio {steep / flat:,.0f}")
print(f"largest learning rate that does not diverge: 2 / {steep:.1f} = {2 / steep:.4f}")
print(f"per iteration at lr {learning_rate} the flat direction keeps a factor {1 - learning_rate * flat:.4f}")
