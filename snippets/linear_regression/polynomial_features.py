"""The same curve, with scikit-learn building the powers: PolynomialFeatures(4)."""

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import PolynomialFeatures

SEED = 0
rng = np.random.default_rng(SEED)

x = rng.uniform(0, 10, size=(50_000, 1))
y = 5.2 * x[:, 0] ** 3 + 31

# PolynomialFeatures(4) turns the column x into 1, x, x^2, x^3, x^4.
powers = PolynomialFeatures(4)
features = powers.fit_transform(x)
print("columns:", " ".join(powers.get_feature_names_out(["x"])))
print("first row:", np.array2string(features[0], precision=2, suppress_small=True))

model = LinearRegression().fit(features, y)

# As in example 3, the weights the rule lacks are leftovers of about 1e-12 whose sign
# depends on the CPU's rounding; round first, and + 0.0 turns a rounded -0.0 into 0.0.
for name, weight in zip(powers.get_feature_names_out(["x"]), model.coef_):
    print(f"weight on {name:>3}: {round(weight, 4) + 0.0:9.4f}")
print(f"bias          : {model.intercept_:9.4f}")
