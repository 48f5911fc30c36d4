"""Exercise: example 2's data, but the model only sees x1, x2 and x3. Where does x4 go?"""

import numpy as np
from sklearn.linear_model import LinearRegression

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.29, 3.1, 2.22, 1.9], dtype=np.float32)
true_bias = 13.0

# The same data as example 2: the labels still depend on all four features.
x = rng.uniform(0, 10, size=(50_000, 4)).astype(np.float32)
y = x @ true_weights + true_bias

# The model is given only the first three columns.
model = LinearRegression().fit(x[:, :3], y)

for i, (learned, true) in enumerate(zip(model.coef_, true_weights), start=1):
    print(f"w{i}: learned {learned:.3f}, true {true:.2f}")
print(f"b : learned {model.intercept_:.3f}, true {true_bias:.2f}")

# x4 is independent of the other features, so its average contribution, 1.9 times
# its mean, is the best constant the model can offer for it: the bias takes it.
print(f"mean of x4: {x[:, 3].mean():.3f}")
print(f"13 + 1.9 * mean of x4: {true_bias + true_weights[3] * x[:, 3].mean():.3f}")
# What is left, x4's variation around its mean, no weight can explain: the error
# that stays is 1.9 squared times the variance of x4.
mse = np.mean((model.predict(x[:, :3]) - y) ** 2)
print(f"mean squared error: {mse:.2f}")
print(f"1.9^2 * variance of x4: {true_weights[3] ** 2 * x[:, 3].var():.2f}")
