"""Exercise: k nearest neighbours of the comparison with fewer and more neighbours."""

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

green = y_test == 2  # the rarest colour: 10 test rows, 2.2% of the training rows
for k in (1, 6, 25, 100, 400):
    # The comparison's k-NN (raw inputs, votes weighted by 1 / distance), other k.
    knn = KNeighborsClassifier(n_neighbors=k, weights="distance").fit(x_train, y_train)
    predicted = knn.predict(x_test)
    print(
        f"k = {k:3d}: test accuracy {np.mean(predicted == y_test):.1%}, "
        f"green rows found {np.sum(predicted[green] == 2)} of {np.sum(green)}"
    )
