"""Exercise: x3 measured in hundredths; which classifier of the comparison notices?"""

import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler

SEED = 0
rng = np.random.default_rng(SEED)


# --- the data of example 17: these lines are the same in every snippet of Part 4 ---
def colour_rule(x):
    """The colour of each row of x: the first of the seven rules that holds decides."""
    x0, x1, x2, x3, x4 = x.T
    return np.select(
        [x0 > 5, x1 + x2 > 10, 2 * x1 < 7, x4 > x0, x2 < 3, x3 - x2 > 1],
        ["red", "blue", "red", "black", "green", "green"],
        default="black",
    )


x = rng.uniform(0, 10, size=(20_000, 5)).astype(np.float32)
colour = colour_rule(x)
encoder = LabelEncoder()
y = encoder.fit_transform(colour)  # black, blue, green, red -> 0, 1, 2, 3
x_train, y_train = x[:19_500], y[:19_500]
x_test, y_test = x[19_500:], y[19_500:]
# --- end of the shared data ---

# The same rows, with x3 in hundredths: 0 to 1,000 instead of 0 to 10. The colours
# do not change, only the unit of one column.
hundredths = np.array([1, 1, 1, 100, 1], dtype=np.float32)
data = {"x3 as before": (x_train, x_test), "x3 in hundredths": (x_train * hundredths, x_test * hundredths)}

for name, (train, test) in data.items():
    raw = KNeighborsClassifier(n_neighbors=6, weights="distance").fit(train, y_train)
    # The same k-NN behind a scaler that puts every column back on the same scale.
    scaled = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=6, weights="distance"))
    scaled.fit(train, y_train)
    raw_accuracy = np.mean(raw.predict(test) == y_test)
    scaled_accuracy = np.mean(scaled.predict(test) == y_test)
    print(f"{name:16s}: k-NN on raw inputs {raw_accuracy:.1%}, after a StandardScaler {scaled_accuracy:.1%}")

# The networks see the inputs only after the scaler, which divides the factor out
# again: they train on the same numbers, up to float rounding.
before = StandardScaler().fit(x_train).transform(x_test)
after = StandardScaler().fit(data["x3 in hundredths"][0]).transform(data["x3 in hundredths"][1])
print(
    f"standardized test inputs equal with and without the factor (within 1e-4): {np.abs(after - before).max() < 1e-4}"
)
