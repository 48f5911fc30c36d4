"""Exercise: the forest of exercise 1 on test digits moved one pixel to the right."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

SEED = 0

# The same images, split and forest as exercise 1, but kept as 8 x 8 images.
digits = load_digits()
x_train, x_test, y_train, y_test = train_test_split(
    digits.images, digits.target, test_size=0.25, stratify=digits.target, random_state=SEED
)


def shift_right(images):
    """Every image moved one pixel to the right; the new left column is blank."""
    moved = np.zeros_like(images)
    moved[:, :, 1:] = images[:, :, :-1]
    return moved


def rows(images):
    return images.reshape(len(images), 64)  # 64 pixels per row, as the forest expects


forest = RandomForestClassifier(n_estimators=50, random_state=SEED)
forest.fit(rows(x_train), y_train)
print(f"test digits as they are: {forest.score(rows(x_test), y_test):.1%}")
# Each of the forest's questions is about one pixel position: after the shift, the
# pixel it asks about holds what its left neighbour held.
print(f"moved one pixel right: {forest.score(rows(shift_right(x_test)), y_test):.1%}")

# One remedy: train on copies moved one pixel each way too (data augmentation).
moved_left = np.zeros_like(x_train)
moved_left[:, :, :-1] = x_train[:, :, 1:]
augmented = np.concatenate([x_train, shift_right(x_train), moved_left])
forest.fit(rows(augmented), np.tile(y_train, 3))
print(f"trained with moved copies, moved test digits: {forest.score(rows(shift_right(x_test)), y_test):.1%}")
