# Training times depend on the machine and on what else it is doing; the
# accuracies do not, so only the timings are exempt from the output check:
# output-check: volatile=[\d.]+ s\b
# --8<-- [start:example]
"""The classifiers of Part 4 on the same split: test accuracy and training time."""

import time

import numpy as np
import torch
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import SVC
from torch import nn

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

scaler = StandardScaler().fit(x_train)
scaled_train = torch.from_numpy(scaler.transform(x_train))
scaled_test = torch.from_numpy(scaler.transform(x_test))
labels = torch.from_numpy(y_train)


def train(model, optimizer, epochs, scheduler=None):
    """Examples 20 and 21: minibatches of 100 standardized rows, reshuffled every epoch."""
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(scaled_train))
        for x_batch, y_batch in zip(scaled_train[order].split(100), labels[order].split(100)):
            optimizer.zero_grad()
            loss = loss_fn(model(x_batch), y_batch)
            loss.backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()  # once per epoch


# --8<-- [start:comparison]
def report(name, predicted, seconds):
    print(f"{name:30s} {np.mean(predicted == y_test):13.3f}   {seconds:6.2f} s")


print(f"{'classifier':30s} {'test accuracy':>13s}   training time (this machine)")

# Example 18: the two scikit-learn classifiers, on the raw inputs.
sklearn_models = {
    "k nearest neighbours (ex. 18)": KNeighborsClassifier(n_neighbors=6, weights="distance"),
    "SVM, RBF kernel (ex. 18)": SVC(gamma="scale", class_weight="balanced", C=100),
}
for name, model in sklearn_models.items():
    start = time.perf_counter()
    model.fit(x_train, y_train)
    seconds = time.perf_counter() - start
    report(name, model.predict(x_test), seconds)

# Examples 19 and 20: the linear softmax model (example 19 trains the same model by hand).
torch.manual_seed(SEED)
start = time.perf_counter()
linear = nn.Sequential(nn.Linear(5, 4))
train(linear, torch.optim.SGD(linear.parameters(), lr=0.1), epochs=20)
seconds = time.perf_counter() - start
linear.eval()
with torch.no_grad():
    predicted = linear(scaled_test).argmax(dim=1).numpy()
report("linear softmax (ex. 19, 20)", predicted, seconds)

# Example 21: one hidden layer, Adam, a tenth of the learning rate after epoch 50.
torch.manual_seed(SEED)
start = time.perf_counter()
hidden = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4))
optimizer = torch.optim.Adam(hidden.parameters(), lr=0.05)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[50], gamma=0.1)
train(hidden, optimizer, epochs=100, scheduler=scheduler)
seconds = time.perf_counter() - start
hidden.eval()
with torch.no_grad():
    predicted = hidden(scaled_test).argmax(dim=1).numpy()
report("hidden layer (ex. 21)", predicted, seconds)
# --8<-- [end:comparison]
