"""A Dataset of your own: two methods over arrays already in memory, beside TensorDataset."""

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset

SEED = 0
rng = np.random.default_rng(SEED)

true_weights = np.array([1.11, 2.22, 3.33, 4.44], dtype=np.float32)
x_np = rng.uniform(0, 10, size=(5_000, 4)).astype(np.float32)
y_np = (x_np @ true_weights + 12.34).astype(np.float32).reshape(-1, 1)


class ArrayDataset(Dataset):
    """Sample i is row i of the features and row i of the labels, as tensors."""

    def __init__(self, features, labels):
        self.features = features
        self.labels = labels

    def __len__(self):  # the DataLoader asks how many samples there are...
        return len(self.features)

    def __getitem__(self, index):  # ...then for each sample of a batch by its index
        return torch.from_numpy(self.features[index]), torch.from_numpy(self.labels[index])


ours = ArrayDataset(x_np, y_np)
library = TensorDataset(torch.from_numpy(x_np), torch.from_numpy(y_np))
print(f"samples: ours {len(ours)}, TensorDataset {len(library)}")
features, label = ours[0]
shown = ", ".join(f"{value:.2f}" for value in features.tolist())
print(f"sample 0: features [{shown}], label [{label.item():.2f}]")


def batches(dataset):
    """Every minibatch of one epoch, shuffled by a generator seeded the same for both."""
    generator = torch.Generator().manual_seed(SEED)
    return list(DataLoader(dataset, batch_size=50, shuffle=True, generator=generator))


ours_batches, library_batches = batches(ours), batches(library)
xb, yb = ours_batches[0]
print(f"one epoch: {len(ours_batches)} batches; the first holds features {tuple(xb.shape)}, labels {tuple(yb.shape)}")
same = all(
    torch.equal(x_a, x_b) and torch.equal(y_a, y_b) for (x_a, y_a), (x_b, y_b) in zip(ours_batches, library_batches)
)
print(f"the same batches as TensorDataset's: {same}")
