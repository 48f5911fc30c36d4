"""Exercise: example 26's forest with 1, 5, 20 and 60 trees."""

import torchvision
from sklearn.ensemble import RandomForestClassifier

train = torchvision.datasets.MNIST(root="data", train=True, download=True)
test = torchvision.datasets.MNIST(root="data", train=False, download=True)
# 2,000 training images instead of 10,000, to run fast.
X_train = train.data[:2_000].flatten(start_dim=1).numpy()
y_train = train.targets[:2_000].numpy()
X_test = test.data.flatten(start_dim=1).numpy()
y_test = test.targets.numpy()

# warm_start=True keeps the trees already grown when n_estimators is raised and only
# adds the new ones: the forest of 60 holds the 20, which hold the 5, ... The trees are
# the same as in forests grown afresh with the same random_state.
forest = RandomForestClassifier(random_state=42, warm_start=True)
for trees in [1, 5, 20, 60]:
    forest.set_params(n_estimators=trees)
    forest.fit(X_train, y_train)
    print(f"n_estimators={trees:<2}  test accuracy {forest.score(X_test, y_test):.1%}")
