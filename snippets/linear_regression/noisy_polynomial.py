"""Noisy labels: which polynomial degree learns the curve, and which learns the noise?"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

SEED = 0
rng = np.random.default_rng(SEED)
NOISE = 0.5  # standard deviation of the noise added to every label
MAX_DEGREE = 12


def make_data(n):
    """The curve of example 3 on [-1, 1], plus noise the model cannot predict."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = 5.2 * x[:, 0] ** 3 + 31 + rng.normal(0, NOISE, size=n)
    return x, y


# Few training samples, as real data often has, and validation samples the fit never
# sees: their error is an estimate of how the model does on new inputs.
x_train, y_train = make_data(15)
x_val, y_val = make_data(1_000)

degrees = list(range(1, MAX_DEGREE + 1))
models, train_mse, val_mse = {}, [], []
for degree in degrees:
    model = make_pipeline(PolynomialFeatures(degree, include_bias=False), LinearRegression())
    model.fit(x_train, y_train)
    models[degree] = model
    train_mse.append(mean_squared_error(y_train, model.predict(x_train)))
    val_mse.append(mean_squared_error(y_val, model.predict(x_val)))
    print(f"degree {degree:2d}:  training MSE {train_mse[-1]:8.3f}  validation MSE {val_mse[-1]:8.3f}")

best = degrees[int(np.argmin(val_mse))]
print(f"lowest validation MSE: degree {best}")
print(f"noise variance (no model can do better on new samples): {NOISE**2:.3f}")

# Left: three of the fits over the training points. Right: both errors against the degree.
grid = np.linspace(-1, 1, 400).reshape(-1, 1)
fig, (fits, errors) = plt.subplots(1, 2, figsize=(10, 4))
fits.scatter(x_train[:, 0], y_train, color="black", s=15, label="training samples")
for degree in (1, best, MAX_DEGREE):
    fits.plot(grid[:, 0], models[degree].predict(grid), label=f"degree {degree}")
fits.set(xlabel="x", ylabel="y", ylim=(y_train.min() - 2, y_train.max() + 2), title="Fits")
fits.legend()
errors.plot(degrees, train_mse, marker="o", label="training")
errors.plot(degrees, val_mse, marker="o", label="validation")
errors.axhline(NOISE**2, color="grey", linestyle=":", label="noise variance")
errors.set(xlabel="polynomial degree", ylabel="mean squared error", yscale="log", title="Errors")
errors.legend()
fig.tight_layout()
plt.show()
