"""Exercise: three "models" that never look at the inputs, and what their accuracy hides."""

import numpy as np
from sklearn.dummy import DummyClassifier
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

# A guess of class k is right when the row is of class k: guessing each class with
# its training share is right with probability sum_k share_train(k) * share_test(k).
train_share = np.bincount(y_train, minlength=4) / len(y_train)
test_share = np.bincount(y_test, minlength=4) / len(y_test)
print(f"guessing by the training shares, expected test accuracy {train_share @ test_share:.1%}")

# DummyClassifier ignores x: "most_frequent" always answers red, "stratified" draws
# each answer at random with the training shares, "uniform" with 1/4 each.
print("\nstrategy        test accuracy   recall: " + "  ".join(f"{n:>5s}" for n in encoder.classes_))
for strategy in ["most_frequent", "stratified", "uniform"]:
    dummy = DummyClassifier(strategy=strategy, random_state=SEED).fit(x_train, y_train)
    predicted = dummy.predict(x_test)
    # Recall: the share of each true class that the model finds.
    recall = [np.mean(predicted[y_test == k] == k) for k in range(4)]
    print(f"{strategy:15s} {np.mean(predicted == y_test):13.1%}           " + "  ".join(f"{r:5.0%}" for r in recall))
