"""Four features at once: y = 1.29 x1 + 3.1 x2 + 2.22 x3 + 1.9 x4 + 13."""

import numpy as np
from sklearn.linear_model import LinearRegression

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.29, 3.1, 2.22, 1.9], dtype=np.float32)
true_bias = 13.0

# Each row is one sample with four features; a matrix product applies the rule
# to all 50,000 rows at once.
x = rng.uniform(0, 10, size=(50_000, 4)).astype(np.float32)
y = x @ true_weights + true_bias

model = LinearRegression().fit(x, y)

for i, (learned, true) in enumerate(zip(model.coef_, true_weights), start=1):
    print(f"w{i}: learned {learned:.5f}, true {true:.2f}")
print(f"b : learned {model.intercept_:.5f}, true {true_bias:.2f}")
