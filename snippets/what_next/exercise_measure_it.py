"""Exercise: a random forest on scikit-learn's digits, judged on held-out images and against a baseline."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

SEED = 0

# 1,797 handwritten digits of 8 x 8 pixels (values 0 to 16), shipped with
# scikit-learn: nothing to download. Each image is a row of 64 numbers.
digits = load_digits()
print(f"images: {len(digits.data):,}, pixels per image: {digits.data.shape[1]}")

# A quarter of the images are kept aside, with every digit in the same proportion
# as in the whole set (stratify), to judge the model on images it never saw.
x_train, x_test, y_train, y_test = train_test_split(
    digits.data, digits.target, test_size=0.25, stratify=digits.target, random_state=SEED
)

# The simplest baseline: always answer the digit most common in the training images.
most_common = np.bincount(y_train).argmax()
print(f"baseline on the test images: {np.mean(y_test == most_common):.1%} (always {most_common})")

forest = RandomForestClassifier(n_estimators=50, random_state=SEED).fit(x_train, y_train)
print(f"forest, on its training images: {forest.score(x_train, y_train):.1%}")
print(f"forest, on the test images: {forest.score(x_test, y_test):.1%}")
