"""A curve with linear regression: y = 5.2 x^3 + 31, features x, x^2, x^3, x^4 built by hand."""

import numpy as np
from sklearn.linear_model import LinearRegression

SEED = 0
rng = np.random.default_rng(SEED)

x = rng.uniform(0, 10, size=50_000)
y = 5.2 * x**3 + 31

# We pretend not to know the degree, so we offer the model the powers 1 to 4
# as four separate features. float64 keeps x^4 (up to 10,000) and x (below 10)
# accurate side by side.
features = np.column_stack([x, x**2, x**3, x**4])

model = LinearRegression().fit(features, y)

# The weights the rule lacks come out as leftovers of about 1e-12 whose sign depends
# on the CPU's rounding; round first, and + 0.0 turns a rounded -0.0 into 0.0.
for power, weight in enumerate(model.coef_, start=1):
    print(f"weight on x^{power}: {round(weight, 4) + 0.0:9.4f}")
print(f"bias            : {model.intercept_:9.4f}")
