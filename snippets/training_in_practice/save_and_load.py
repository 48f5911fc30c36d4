"""Save a trained network's weights, load them into a new network, and get the same predictions."""

import tempfile
from pathlib import Path

import torch
from torch import nn

SEED = 0
torch.manual_seed(SEED)

x = torch.rand(200, 1) * 2 - 1
y = 5.2 * x**3 + 0.5 * torch.randn(200, 1)


def make_network():
    """The architecture lives in code: whoever loads the weights builds it the same way."""
    return nn.Sequential(nn.Linear(1, 64), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(64, 1))


network = make_network()
optimizer = torch.optim.Adam(network.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
network.train()
for _ in range(500):
    optimizer.zero_grad()
    loss = loss_fn(network(x), y)
    loss.backward()
    optimizer.step()

# The state dict maps each parameter's name to its tensor: the weights, nothing else.
state = network.state_dict()
for name, tensor in state.items():
    print(f"{name:9s} {tuple(tensor.shape)}")

with tempfile.TemporaryDirectory() as folder:  # a folder that is removed afterwards
    path = Path(folder) / "network.pt"
    torch.save(state, path)

    restored = make_network()  # a new network, with new random weights
    restored.load_state_dict(torch.load(path))

network.eval()  # both in evaluation mode: dropout off, so predictions are repeatable
restored.eval()
with torch.no_grad():
    inputs = torch.linspace(-1, 1, 5).reshape(-1, 1)
    original, loaded = network(inputs), restored(inputs)
assert torch.equal(original, loaded), "the loaded network predicts differently"
print("predictions, original:", [round(value, 3) for value in original.flatten().tolist()])
print("predictions, loaded:  ", [round(value, 3) for value in loaded.flatten().tolist()])
print("identical:", torch.equal(original, loaded))
