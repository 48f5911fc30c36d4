"""Exercise: how many numbers do the linear model and the hidden-layer model of example 21 learn?"""

from torch import nn

models = {
    "linear model (example 20)": nn.Sequential(nn.Linear(5, 4)),
    "hidden layer, 10 units": nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 4)),
    "hidden layer, 32 units": nn.Sequential(nn.Linear(5, 32), nn.ReLU(), nn.Linear(32, 4)),
}
for name, model in models.items():
    # nn.Linear(n_in, n_out) holds an n_out x n_in weight and n_out biases; the ReLU
    # has no parameters at all, so it adds nothing to the count.
    shapes = " + ".join(f"{'x'.join(map(str, p.shape))}" for p in model.parameters())
    total = sum(p.numel() for p in model.parameters())
    print(f"{name + ':':28s} {total:4d} parameters ({shapes})")

# With h hidden units: 5*h weights and h biases into the hidden layer, 4*h weights and
# 4 biases out of it, 10*h + 4 in all. Each hidden unit costs 10 numbers.
for h in (2, 10, 32):
    print(f"h = {h:2d}: 10*h + 4 = {10 * h + 4}")
