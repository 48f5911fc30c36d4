"""Exercise: example 21 with 2 and with 32 hidden units; which regions can each carve?"""

import numpy as np
import torch
from sklearn.preprocessing import LabelEncoder, StandardScaler
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)


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
inputs = torch.from_numpy(scaler.transform(x_train))
test_inputs = torch.from_numpy(scaler.transform(x_test))
labels = torch.from_numpy(y_train)

for width in (2, 32):
    torch.manual_seed(SEED)  # the same start for both widths
    model = nn.Sequential(nn.Linear(5, width), nn.ReLU(), nn.Linear(width, 4))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    # 4 epochs instead of 100 keep the exercise quick; as in example 21 the learning
    # rate drops tenfold for the last one, so the model settles where it is.
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[3], gamma=0.1)
    model.train()
    for _ in range(4):
        order = torch.randperm(len(inputs))
        for x_batch, y_batch in zip(inputs[order].split(100), labels[order].split(100)):
            optimizer.zero_grad()
            loss = loss_fn(model(x_batch), y_batch)
            loss.backward()
            optimizer.step()
        scheduler.step()
    model.eval()
    with torch.no_grad():
        predicted = model(test_inputs).argmax(dim=1).numpy()
    # Recall per class: the share of each true colour's test rows the model finds.
    recall = [np.mean(predicted[y_test == code] == code) for code in range(4)]
    found = ", ".join(f"{name} {r:.0%}" for name, r in zip(encoder.classes_, recall))
    print(f"width {width:2d}: test accuracy {np.mean(predicted == y_test):.1%}, found {found}")
