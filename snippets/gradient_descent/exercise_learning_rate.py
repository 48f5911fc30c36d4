"""Exercise: example 6 with larger and smaller learning rates; which converge, which blow up, and why."""

import numpy as np

SEED = 0
rng = np.random.default_rng(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

x = rng.uniform(0, 10, size=5_000)
y = TRUE_W * x + TRUE_B
w_start, b_start = rng.uniform(0, 1, size=2)

# Near the answer, each step multiplies the weight's distance from it by about
# 1 - 2 * lr * mean(x^2): the step overshoots once that factor is below -1.
mean_x2 = np.mean(x**2)
print(f"mean of x^2: {mean_x2:.2f}")

for lr in [0.001, 0.01, 0.02, 0.025, 0.035, 0.05]:
    w, b = w_start, b_start  # every run starts from the same point
    diverged_at = None
    for iteration in range(2_001):
        error = x * w + b - y
        loss = np.mean(error**2)
        if loss > 1e10:  # blown up: going on would only overflow to inf and nan
            diverged_at = iteration
            break
        w -= lr * np.mean(2 * x * error)
        b -= lr * np.mean(2 * error)
    factor = 1 - 2 * lr * mean_x2
    if diverged_at is None:
        # Below 1e-6 the loss is rounding noise, whose digits vary from one CPU to another.
        shown = "below 1e-6" if loss < 1e-6 else f"{loss:.1e}"
        print(f"lr {lr:<6}  factor {factor:+.2f}  loss {shown}, w {w:.4f}, b {b:.4f}")
    else:
        print(f"lr {lr:<6}  factor {factor:+.2f}  diverged by iteration {diverged_at}")
