"""Exercise: example 4 with PolynomialFeatures(2), a degree too low for y = 5.2 x^3 + 31."""

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import PolynomialFeatures

SEED = 0
rng = np.random.default_rng(SEED)

x = rng.uniform(0, 10, size=(50_000, 1))
y = 5.2 * x[:, 0] ** 3 + 31

# Powers up to 2 only: x^3 is missing. include_bias=False drops the column of ones,
# which would get weight 0 anyway (example 4).
powers = PolynomialFeatures(2, include_bias=False)
model = LinearRegression().fit(powers.fit_transform(x), y)

for name, weight in zip(powers.get_feature_names_out(["x"]), model.coef_):
    print(f"weight on {name:>3}: {weight:7.1f}")
print(f"bias          : {model.intercept_:7.1f}")
mse = np.mean((model.predict(powers.transform(x)) - y) ** 2)
print(f"mean squared error: {mse:.3g}")

# The best parabola bends the wrong way at the ends to follow the cubic in the middle.
for point in [0.0, 2.5, 5.0, 7.5, 10.0]:
    true = 5.2 * point**3 + 31
    predicted = model.predict(powers.transform([[point]]))[0]
    print(f"x = {point:4.1f}: true y {true:6.1f}, predicted {predicted:6.1f}, error {predicted - true:6.1f}")
