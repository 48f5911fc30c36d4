"""Exercise: example 1 with noisy labels. How small can the mean squared error get?"""

import numpy as np
from sklearn.linear_model import LinearRegression

SEED = 0
rng = np.random.default_rng(SEED)

# The same inputs and rule as example 1, plus noise: every label is moved by a random
# amount drawn from a normal distribution with mean 0 and standard deviation 2.
x = rng.uniform(0, 10, size=(50_000, 1)).astype(np.float32)
noise = rng.normal(0, 2, size=50_000)
y = 1.29 * x[:, 0] + 24 + noise

model = LinearRegression().fit(x, y)

print(f"weight w: learned {model.coef_[0]:.3f}, true 1.29")
print(f"bias   b: learned {model.intercept_:.3f}, true 24")
# Even the true rule misses every label by its noise, so no line can get the mean
# squared error below the noise's own mean square: about 2^2 = 4.
mse = np.mean((model.predict(x) - y) ** 2)
print(f"mean squared error: {mse:.2f}")
print(f"mean of noise^2: {np.mean(noise**2):.2f}")
