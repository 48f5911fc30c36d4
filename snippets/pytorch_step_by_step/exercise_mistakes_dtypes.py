"""Exercise: which ways of turning NumPy data into a tensor keep float64, and what that costs in memory."""

import numpy as np
import torch
from torch import nn

SEED = 0
rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)

TRUE_W, TRUE_B = 1.29, 24.0

# The mistake's data: float64, NumPy's default.
x_np = rng.uniform(0, 10, size=(50_000, 1))
y_np = TRUE_W * x_np + TRUE_B

x = torch.from_numpy(x_np).float()  # the fix
model = nn.Linear(1, 1)

made = {
    "torch.from_numpy(x_np)": torch.from_numpy(x_np),
    "torch.tensor(x_np)": torch.tensor(x_np),  # a copy, but of the same dtype
    "torch.as_tensor(x_np)": torch.as_tensor(x_np),
    "torch.tensor(x_np.tolist())": torch.tensor(x_np.tolist()),  # Python floats: PyTorch's default dtype
    "torch.from_numpy(x_np).float()": x,
    # float32 predictions minus float64 targets: the errors inside the mistake's loss.
    "model(x) - torch.from_numpy(y_np)": model(x) - torch.from_numpy(y_np),
}
for code, tensor in made.items():
    size = tensor.element_size() * tensor.nelement()
    print(f"{code:34s} {tensor.dtype!s:14s} {size:9,d} bytes")
