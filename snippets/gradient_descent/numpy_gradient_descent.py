"""Example 6: find w and b of y = 1.29 x + 24 by gradient descent, in NumPy only."""

import matplotlib.pyplot as plt
import numpy as np

SEED = 0
rng = np.random.default_rng(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# 5,000 samples, inputs uniform in [0, 10), labels from the rule (no noise).
x = rng.uniform(0, 10, size=5_000)
y = TRUE_W * x + TRUE_B

# Random start: the model knows nothing about the rule yet.
w, b = rng.uniform(0, 1, size=2)
lr = 0.01  # the learning rate: how far each step moves the parameters
snapshots = {}  # (w, b) at a few iterations, to draw the line on its way

# --8<-- [start:descent-loop]
for iteration in range(2_001):
    y_hat = x * w + b  # predictions for all samples at once
    error = y_hat - y
    loss = np.mean(error**2)  # mean squared error

    if iteration % 400 == 0:
        print(f"iteration {iteration:5d}  loss {loss:.3e}  w {w:.6f}  b {b:.6f}")
    if iteration in (0, 50, 400):
        snapshots[iteration] = (w, b)

    # The gradients of the mean squared error, as derived on the page.
    grad_w = np.mean(2 * x * error)
    grad_b = np.mean(2 * error)

    # Step against the gradient: downhill on the loss.
    w -= lr * grad_w
    b -= lr * grad_b
# --8<-- [end:descent-loop]

print(f"weight w: learned {w:.6f}, true {TRUE_W}")
print(f"bias   b: learned {b:.6f}, true {TRUE_B}")

# The data, the line at a few iterations on the way, and the learned line.
line_x = np.array([0.0, 10.0])
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.scatter(x[::25], y[::25], s=6, color="C0", alpha=0.4, label="data (every 25th sample)")
for (iteration, (w_then, b_then)), grey in zip(snapshots.items(), ["0.75", "0.55", "0.35"]):
    ax.plot(line_x, w_then * line_x + b_then, "--", color=grey, label=f"iteration {iteration}")
ax.plot(line_x, w * line_x + b, color="C1", linewidth=2, label="after 2,001 iterations")
ax.set_xlabel("x (feature)")
ax.set_ylabel("y (label)")
ax.set_title("Gradient descent fitting y = 1.29 x + 24")
ax.legend(loc="upper left")
plt.show()
