"""Fit a line to data generated from y = 1.29 x + 24 and read back w and b."""

import numpy as np
from sklearn.linear_model import LinearRegression

SEED = 0
rng = np.random.default_rng(SEED)

# 50,000 inputs drawn uniformly from [0, 10). scikit-learn wants a 2-D array:
# one row per sample, one column per feature.
x = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)
y = 1.29 * x[:, 0] + 24  # the rule the model has to discover

model = LinearRegression().fit(x, y)

print(f"samples : {len(x):,}")
print(f"weight w: learned {model.coef_[0]:.8f}, true 1.29")
print(f"bias   b: learned {model.intercept_:.8f}, true 24")
print(f"prediction for x = 5: {model.predict(np.array([[5.0]], dtype=np.float32))[0]:.4f}")
