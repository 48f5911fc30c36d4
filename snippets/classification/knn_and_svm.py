"""Example 18: two scikit-learn classifiers on the colour data, scored on the 500 test rows."""

import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import LabelEncoder
from sklearn.svm import SVC

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

# k nearest neighbours: a new row gets the majority colour of the 6 training rows
# closest to it, each vote weighted by 1 / distance so nearer rows count more.
knn = KNeighborsClassifier(n_neighbors=6, weights="distance")
knn.fit(x_train, y_train)

# Support vector machine with an RBF kernel: a smooth, curved boundary between the
# classes. C=100 punishes training mistakes hard; class_weight="balanced" makes an
# error on the rare green rows cost as much in total as one on the common red rows.
svm = SVC(gamma="scale", class_weight="balanced", C=100)
svm.fit(x_train, y_train)

for name, model in [("k nearest neighbours", knn), ("support vector machine", svm)]:
    predicted = model.predict(x_test)
    accuracy = np.mean(predicted == y_test)  # what model.score(x_test, y_test) returns
    print(f"{name:22s}: test accuracy {accuracy:.3f} ({np.sum(predicted == y_test)} of {len(y_test)} rows)")

# predict returns codes; the encoder turns them back into colour names. Where does
# the SVM go wrong? Look at the inputs of its mistakes next to the rules.
predicted = svm.predict(x_test)
wrong = np.flatnonzero(predicted != y_test)
true_names = encoder.inverse_transform(y_test[wrong])
predicted_names = encoder.inverse_transform(predicted[wrong])
print("\nthe SVM's mistakes:")
for row, true, guess in zip(x_test[wrong], true_names, predicted_names):
    print("  x = [" + " ".join(f"{v:5.2f}" for v in row) + f"]  true {true:5s} predicted {guess}")
