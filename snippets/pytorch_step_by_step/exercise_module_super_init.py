# Without super().__init__() the first layer assignment raises: the page shows that error.
# output-check: raises=AttributeError
# --8<-- [start:example]
"""Exercise: example 12's model without super().__init__(); which line fails, and why."""

from torch import nn


class LinearModel(nn.Module):
    def __init__(self):
        # Missing here: super().__init__(), which creates the registry that
        # every layer assigned to self is recorded in.
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


print("The class statement ran; LinearModel() now runs __init__:")
model = LinearModel()
