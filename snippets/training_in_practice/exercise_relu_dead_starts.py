"""Exercise: how many random starts of dead_relu.py's model are dead before the first step?"""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

# The inputs of dead_relu.py: 5,000 samples, each feature drawn from [0, 10).
x = torch.from_numpy(rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32))

# nn.Linear(4, 5_000) draws each of its 5,000 rows of weights and each bias exactly
# as nn.Linear(4, 1) draws its only one (uniformly from -1/2 to 1/2, as 1/sqrt(4) = 1/2):
# 5,000 random starts of the model at once.
starts = nn.Linear(4, 5_000)
with torch.no_grad():
    before_relu = starts(x)  # 5,000 samples x 5,000 starts
# A start is dead when the ReLU clips every one of its predictions to 0: no gradient at all.
dead = (before_relu <= 0).all(dim=0)
all_negative = (starts.weight < 0).all(dim=1) & (starts.bias < 0)
print(f"dead before the first step:  {int(dead.sum()):,} of 5,000 starts ({dead.float().mean():.1%})")
print(f"all five numbers negative:   {int(all_negative.sum()):,} ({all_negative.float().mean():.1%})")
# Inputs are never negative, so those are always dead; the others have a positive weight
# too small to lift any of these 5,000 samples above zero.
print(f"dead with a positive weight: {int((dead & ~all_negative).sum()):,}")
print(f"each negative half the time: 1/32 = {1 / 32:.1%}")

# The same starts on standardized inputs, centred on 0: each feature takes both signs.
x_standardized = (x - x.mean(dim=0)) / x.std(dim=0)
with torch.no_grad():
    dead_standardized = (starts(x_standardized) <= 0).all(dim=0)
print(f"dead on standardized inputs: {int(dead_standardized.sum()):,} of 5,000 starts")
