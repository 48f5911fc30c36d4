# The training time depends on the machine, so the checker ignores it:
# output-check: volatile=[\d.]+ s\b
# Its two DataLoader worker processes want a core each, so the check runs it alone:
# output-check: exclusive=true
# --8<-- [start:example]
"""Example 23: a single linear layer on MNIST, fed by a DataLoader with transforms."""

import time

import torch
import torchvision
from torch import nn
from torchvision.transforms import v2

SEED = 0
device = "cuda" if torch.cuda.is_available() else "cpu"

# A transform runs on every item as it is fetched. ToImage turns the 28x28 PIL image
# into a uint8 image tensor of shape (1, 28, 28); ToDtype makes it float32 and, with
# scale=True, divides the bytes 0..255 by 255 into [0, 1]; Normalize then subtracts
# a mean and divides by a standard deviation. 0.1307 and 0.3081 are the mean and std
# of MNIST's training pixels (example 25 computes them).
transform = v2.Compose(
    [
        v2.ToImage(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize((0.1307,), (0.3081,)),
    ]
)


class LinearClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(28 * 28, 10)  # 784 pixel inputs -> 10 digit scores

    def forward(self, x):
        # x arrives as (batch, 1, 28, 28); flatten everything after the batch axis
        # into one row of 784 numbers per image.
        return self.linear(x.flatten(start_dim=1))


def main():
    torch.manual_seed(SEED)
    mnist = torchvision.datasets.MNIST
    train = mnist(root="data", train=True, download=True, transform=transform)
    test = mnist(root="data", train=False, download=True, transform=transform)
    train_small = torch.utils.data.Subset(train, range(10_000))

    # Each item now comes out of the dataset as a normalized float tensor.
    image, label = train_small[0]
    print(
        f"one item: image {tuple(image.shape)} {image.dtype}, values "
        f"{image.min().item():.4f}..{image.max().item():.4f}; label {label}"
    )

    # --8<-- [start:dataloader-and-training]
    # The DataLoader draws a fresh random order every epoch (shuffle=True); its own
    # seeded generator makes that order the same on every run. Two worker processes
    # fetch and transform items in parallel; persistent_workers keeps them alive
    # from one epoch to the next instead of starting new ones.
    g = torch.Generator().manual_seed(SEED)
    train_loader = torch.utils.data.DataLoader(
        train_small,
        batch_size=64,
        shuffle=True,
        generator=g,
        num_workers=2,
        persistent_workers=True,
    )
    test_loader = torch.utils.data.DataLoader(test, batch_size=1000, num_workers=2)
    print(f"batches per epoch: {len(train_loader)} (156 of 64 images, then 16)")

    model = LinearClassifier().to(device)
    loss_fn = nn.CrossEntropyLoss()  # softmax + cross-entropy on the 10 logits
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    start = time.perf_counter()
    for epoch in range(1, 11):
        # train() and eval() switch the model between training and evaluation (Part 3b):
        # a no-op for a linear layer, but the habit keeps later models right.
        model.train()
        total, n = 0.0, 0
        for images, labels in train_loader:  # images (64, 1, 28, 28), labels (64,)
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(images), labels)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(labels)
            n += len(labels)
        if epoch in (1, 2, 5, 10):
            print(f"epoch {epoch:2d}  mean training loss {total / n:.4f}")
    print(f"training time (machine-dependent): {time.perf_counter() - start:.1f} s")
    # --8<-- [end:dataloader-and-training]

    # Predict one training image: index 23 of the subset, a handwritten 1.
    image, label = train_small[23]
    model.eval()  # evaluation from here on
    with torch.no_grad():
        logits = model(image.unsqueeze(0).to(device))  # a batch of one: (1, 1, 28, 28)
        probs = torch.softmax(logits, dim=1)[0]
    predicted, probability = probs.argmax().item(), probs.max().item()
    print(f"image 23: label {label}, predicted {predicted}, probability {probability:.3f}")

    # Accuracy on all 10,000 test images, in batches of 1,000, in order.
    correct = 0
    with torch.no_grad():
        for images, labels in test_loader:
            predicted = model(images.to(device)).argmax(dim=1)
            correct += (predicted == labels.to(device)).sum().item()
    print(f"test accuracy: {correct / len(test):.4f}")


# Worker processes may start by importing this file afresh (the rule on Windows and
# macOS); the guard keeps them from running the training themselves.
if __name__ == "__main__":
    main()
