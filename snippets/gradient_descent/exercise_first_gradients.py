"""Exercise: at the random start of example 6, how much larger is the weight's gradient than the bias's?"""

import numpy as np

SEED = 0
rng = np.random.default_rng(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# The same data and the same random start as example 6 (same seed, same order of draws).
x = rng.uniform(0, 10, size=5_000)
y = TRUE_W * x + TRUE_B
w, b = rng.uniform(0, 1, size=2)

# One evaluation of the gradients, before any update.
error = x * w + b - y
grad_w = np.mean(2 * x * error)
grad_b = np.mean(2 * error)

print(f"start: w {w:.3f}, b {b:.3f}")
print(f"grad_w {grad_w:.1f}, grad_b {grad_b:.1f}, ratio {grad_w / grad_b:.2f}")
# The bias is about 23 too low for every sample, so the error is nearly the same
# everywhere and grad_w is roughly grad_b times the average input.
print(f"mean of x {np.mean(x):.2f}")
