"""Exercise: example 26's forest on normalized pixels instead of raw bytes."""

import torchvision
from sklearn.ensemble import RandomForestClassifier

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
# 2,000 training images and 20 trees instead of 10,000 and 60, to run fast.
X_train = train.data[:2_000].flatten(start_dim=1).numpy()
y_train = train.targets[:2_000].numpy()
X_test = test.data.flatten(start_dim=1).numpy()
y_test = test.targets.numpy()


def normalize(X):
    """Example 25's normalization, with MNIST's usual mean and std."""
    return (X / 255 - 0.1307) / 0.3081


# The same random_state for both: the same resamples, the same pixels to choose from.
raw = RandomForestClassifier(n_estimators=20, random_state=42).fit(X_train, y_train)
scaled = RandomForestClassifier(n_estimators=20, random_state=42).fit(normalize(X_train), y_train)

# Node 0 of the first tree holds its first question.
for name, forest in [("raw bytes", raw), ("normalized", scaled)]:
    root = forest.estimators_[0].tree_
    print(f"{name:<10}  first question: is pixel {root.feature[0]} <= {root.threshold[0]:.4f}?")

# Do the trees ask the same questions, about the same pixels, in the same places?
same = sum((a.tree_.feature == b.tree_.feature).all() for a, b in zip(raw.estimators_, scaled.estimators_))
print(f"trees that ask the same questions: {same} of {len(raw.estimators_)}")

# apply() gives, for each test image and tree, the leaf the image ends in.
moved = (raw.apply(X_test) != scaled.apply(normalize(X_test))).any(axis=1).sum()
changed = (raw.predict(X_test) != scaled.predict(normalize(X_test))).sum()
print(f"test images that end in another leaf of some tree: {moved}")
print(f"test predictions that differ: {changed} of {len(y_test):,}")
