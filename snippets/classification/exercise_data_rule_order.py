"""Exercise: the colour rules with rules 1 and 2 swapped; how do the class shares change?"""

import numpy as np
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


def swapped_rule(x):
    """The same seven rules, with the blue rule checked before the first red one."""
    x0, x1, x2, x3, x4 = x.T
    return np.select(
        [x1 + x2 > 10, x0 > 5, 2 * x1 < 7, x4 > x0, x2 < 3, x3 - x2 > 1],
        ["blue", "red", "red", "black", "green", "green"],
        default="black",
    )


# Blue was x1 + x2 > 10 among the rows with x0 <= 5: half of a half of the rows.
# Checked first, it takes every row with x1 + x2 > 10, half of them, from red.
print("share of each class: " + "  ".join(f"{n:>6s}" for n in encoder.classes_))
before, after = colour_rule(x), swapped_rule(x)
for name, colours in [("as in example 17", before), ("rules 1, 2 swapped", after)]:
    counts = np.bincount(encoder.transform(colours), minlength=4)
    print(f"  {name:18s}" + "  ".join(f"{c / len(x):6.1%}" for c in counts))
print(f"rows with x1 + x2 > 10: {np.mean(x[:, 1] + x[:, 2] > 10):.1%}")
# Black and green are decided only on rows that neither of the two rules claims.
for name in ["black", "green"]:
    print(f"{name} rows the same in both: {np.array_equal(before == name, after == name)}")
