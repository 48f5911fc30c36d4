"""Exercise: example 12's model with a second layer; predict the parameters it registers, then list them."""

import torch
from torch import nn

torch.manual_seed(0)


class LinearModel(nn.Module):  # example 12's model, for comparison
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


class TwoLayerModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(1, 4)  # 1 input in, 4 numbers out
        self.linear = nn.Linear(4, 1)  # those 4 numbers in, 1 prediction out

    def forward(self, x):
        return self.linear(self.hidden(x))


for model in [LinearModel(), TwoLayerModel()]:
    name = type(model).__name__
    print(f"{name} registers")
    # state_dict() lists the registered tensors in the order the layers were assigned;
    # a weight's shape is (outputs, inputs).
    for key, tensor in model.state_dict().items():
        print(f"  {key:14s} shape {tuple(tensor.shape)}")
    print(f"{name}: {sum(p.numel() for p in model.parameters())} numbers in model.parameters()")
