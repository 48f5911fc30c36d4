"""Exercise: how much does a test accuracy measured on 500 rows move from one test set to the next?"""

import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import LabelEncoder

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

knn = KNeighborsClassifier(n_neighbors=6, weights="distance").fit(x_train, y_train)
print(f"the last 500 rows:  test accuracy {np.mean(knn.predict(x_test) == y_test):.1%}")

# 40 fresh test sets of 500 rows each, drawn from the same rule after the data above
# (so example 17's rows stay the same). The model is the same, only the test differs.
x_new = rng.uniform(0, 10, size=(40 * 500, 5)).astype(np.float32)
right = knn.predict(x_new) == encoder.transform(colour_rule(x_new))
accuracies = right.reshape(40, 500).mean(axis=1)
print(f"40 new test sets:   test accuracy from {accuracies.min():.1%} to {accuracies.max():.1%}")
print(f"  their mean {accuracies.mean():.1%}, standard deviation {accuracies.std():.1%}")

# Each row is right or wrong like a coin flip with probability p, so a share over
# n rows has a standard deviation of sqrt(p * (1 - p) / n).
p = right.mean()
print(f"share right over all {len(right):,} new rows: p = {p:.3f}")
print(f"sqrt(p * (1 - p) / 500) = {np.sqrt(p * (1 - p) / 500):.1%}")
