"""The classifiers of Part 4 on the same split: test accuracy and training time."""

import time

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import SVC
from torch import nn

# Training times depend on the machine and on what else it is doing; the
# accuracies do not, so only the timings are exempt from the output check:
# output-check: volatile=[\d.]+ s\b

SEED = 0
rng = np.random.default_rng(SEED)
torch.set_num_threads(1)  # tiny operations: one thread is faster (see Part 3a)


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

scaler = StandardScaler().fit(x_train)
scaled_train = torch.from_numpy(scaler.transform(x_train))
scaled_test = torch.from_numpy(scaler.transform(x_test))
labels = torch.from_numpy(y_train)


def torch_model(model, make_optimizer, epochs, lr_drop_at=None):
    """Examples 20 and 21: an nn.Module trained on standardized inputs, minibatches of 100."""
    optimizer = make_optimizer(model.parameters())
    # Example 21's schedule: a tenth of the learning rate after epoch lr_drop_at.
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, [lr_drop_at], gamma=0.1) if lr_drop_at else None
    for _ in range(epochs):
        order = torch.randperm(len(scaled_train))
        for x_batch, y_batch in zip(scaled_train[order].split(100), labels[order].split(100)):
            loss = F.cross_entropy(model(x_batch), y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if scheduler:
            scheduler.step()
    return lambda: model(scaled_test).argmax(dim=1)


def linear_sequential():
    torch.manual_seed(SEED)
    model = nn.Sequential(nn.Linear(5, 4))
    return torch_model(model, lambda p: torch.optim.SGD(p, lr=0.1), epochs=20)


def hidden_layer():
    torch.manual_seed(SEED)
    model = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4))
    return torch_model(model, lambda p: torch.optim.Adam(p, lr=0.05, fused=True), epochs=100, lr_drop_at=50)


def sklearn_model(model):
    model.fit(x_train, y_train)
    return lambda: model.predict(x_test)


classifiers = {
    "k nearest neighbours (ex. 18)": lambda: sklearn_model(KNeighborsClassifier(n_neighbors=6, weights="distance")),
    "SVM, RBF kernel (ex. 18)": lambda: sklearn_model(SVC(gamma="scale", class_weight="balanced", C=100)),
    # Example 19's raw-tensor model is this same linear softmax model, trained by hand.
    "linear softmax (ex. 19, 20)": linear_sequential,
    "hidden layer (ex. 21)": hidden_layer,
}

print(f"{'classifier':30s} {'test accuracy':>13s}   training time (this machine)")
for name, fit in classifiers.items():
    start = time.perf_counter()
    predict = fit()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        predicted = np.asarray(predict())
    print(f"{name:30s} {np.mean(predicted == y_test):13.3f}   {seconds:6.2f} s")
