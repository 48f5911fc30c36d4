"""Exercise: what nn.Dropout(p=0.5) does to a tensor of ones, in each mode."""

import torch
from torch import nn

SEED = 0
torch.manual_seed(SEED)

dropout = nn.Dropout(p=0.5)
ones = torch.ones(100_000)

dropout.train()
dropped = dropout(ones)
print(f"training mode: fraction set to zero {(dropped == 0).float().mean():.3f}")
print(f"training mode: the values it outputs {sorted(set(dropped.tolist()))}")
# Each survivor is doubled, 1 / (1 - p), so the mean stays about where it was.
print(f"training mode: mean {dropped.mean():.3f}")

dropout.eval()
passed = dropout(ones)
print(f"evaluation mode: the values it outputs {sorted(set(passed.tolist()))}")
