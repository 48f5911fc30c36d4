"""Exercise: a plausible-looking slip in the weight's gradient, what it does to the fit, and the fix."""

import numpy as np

SEED = 0
rng = np.random.default_rng(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

x = rng.uniform(0, 10, size=5_000)
y = TRUE_W * x + TRUE_B
w_start, b_start = rng.uniform(0, 1, size=2)


def descend(buggy: bool) -> None:
    w, b, lr = w_start, b_start, 0.01
    for _ in range(2_001):
        error = x * w + b - y
        # The slip: the mean of x times the mean of the error is not the mean of their
        # product, and it is zero as soon as the errors cancel on average. The fix
        # scales each sample's error by its own x before averaging.
        grad_w = 2 * np.mean(x) * np.mean(error) if buggy else np.mean(2 * x * error)
        w -= lr * grad_w
        b -= lr * np.mean(2 * error)
    loss = np.mean((x * w + b - y) ** 2)
    # Where the line is at the average input, next to the average label.
    centre = w * np.mean(x) + b
    print(f"{'buggy' if buggy else 'fixed'}: loss {loss:.3e}, w {w:.4f}, b {b:.4f}, line at mean x {centre:.3f}")


descend(buggy=True)
descend(buggy=False)
print(f"mean y {np.mean(y):.3f}")
