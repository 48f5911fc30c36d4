"""Exercise: how many updates an epoch of example 15 makes for other batch sizes."""

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
true_bias = 12.34
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + true_bias).astype(np.float32).reshape(-1, 1)
dataset = TensorDataset(torch.from_numpy(x_np), torch.from_numpy(y_np))

for batch_size in [50, 64, 300]:
    for drop_last in [False, True]:
        generator = torch.Generator().manual_seed(SEED)
        loader = DataLoader(dataset, batch_size=batch_size, shuffle=True, generator=generator, drop_last=drop_last)
        sizes = [len(xb) for xb, _ in loader]  # one epoch, batch by batch
        print(
            f"batch_size {batch_size:3d}, drop_last={drop_last!s:5}: {len(sizes):3d} updates per epoch "
            f"(len(loader) = {len(loader)}), last batch {sizes[-1]:3d} rows, {sum(sizes):,} rows in all"
        )
