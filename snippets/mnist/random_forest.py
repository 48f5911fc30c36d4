# The training time depends on the machine, so the checker ignores it:
# output-check: volatile=[\d.]+ s\b
# --8<-- [start:example]
"""Example 26: a random forest on the very same MNIST images, for comparison."""

import time

import torchvision
from sklearn.ensemble import RandomForestClassifier

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)

# scikit-learn wants a 2-D NumPy array: one row of 784 pixel values per image. The
# same 10,000 training images as the PyTorch examples, the same 10,000 test images.
X_train = train.data[:10_000].flatten(start_dim=1).numpy()
y_train = train.targets[:10_000].numpy()
X_test = test.data.flatten(start_dim=1).numpy()
y_test = test.targets.numpy()
print(f"X_train {X_train.shape} {X_train.dtype}, X_test {X_test.shape}")

# The raw 0..255 bytes go in unscaled: a tree only asks "is pixel 350 above 127.5?",
# and rescaling every pixel the same way would move the thresholds, not the splits.
# random_state fixes the forest; n_jobs=-1 builds trees on every core, which changes
# the speed but not the trees, since each tree's seed comes from random_state.
forest = RandomForestClassifier(n_estimators=60, random_state=42, n_jobs=-1)
start = time.perf_counter()
forest.fit(X_train, y_train)
print(f"training time (machine-dependent): {time.perf_counter() - start:.1f} s")

accuracy = forest.score(X_test, y_test)
nodes = sum(tree.tree_.node_count for tree in forest.estimators_)
print(f"60 trees, {nodes:,} nodes in all")
print(f"test accuracy: {accuracy:.4f}")
