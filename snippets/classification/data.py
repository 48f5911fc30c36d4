"""Example 17: four colours decided by seven ordered rules, encoded as 0..3, split in train and test."""

import numpy as np
from sklearn.model_selection import train_test_split
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

print(f"inputs {x.shape}, labels {y.shape}")
print("label encoding:", ", ".join(f"{name} -> {code}" for code, name in enumerate(encoder.classes_)))
print("\nthe first row of each colour (check it against the rules by hand):")
for code in range(len(encoder.classes_)):
    i = np.flatnonzero(y == code)[0]
    print(f"  row {i:2d}: x = [" + " ".join(f"{v:4.1f}" for v in x[i]) + f"]  {colour[i]:5s} -> {y[i]}")

# How often does each colour occur, overall and in each part?
print("\nshare of each class: " + "  ".join(f"{n:>6s}" for n in encoder.classes_))
for part, labels in [("all", y), ("train", y_train), ("test", y_test)]:
    counts = np.bincount(labels, minlength=4)
    print(f"  {part:5s} {len(labels):6d} rows  " + "  ".join(f"{c / len(labels):6.1%}" for c in counts))

# Accuracy = the fraction of rows whose predicted class is the true one. A "model"
# that always answers the most common class sets the bar every real model must beat.
majority = np.bincount(y_train).argmax()
print(f"\nalways answer {encoder.classes_[majority]}: test accuracy {np.mean(y_test == majority):.3f}")

# The alternative to taking the last 500 rows: a shuffled split that keeps each
# class's share equal in both parts (stratify=y). Compare the test counts.
_, _, _, y_test_strat = train_test_split(x, y, test_size=500, stratify=y, random_state=SEED)
print("\ntest rows per class: " + "  ".join(f"{n:>5s}" for n in encoder.classes_))
print("  last 500 rows:     " + "  ".join(f"{c:5d}" for c in np.bincount(y_test, minlength=4)))
print("  stratified split:  " + "  ".join(f"{c:5d}" for c in np.bincount(y_test_strat, minlength=4)))
