"""Exercise: a softmax written by hand overflows for large logits; the fixes."""

import math

import torch
from torch import nn


def naive_softmax(z):
    return torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)


def stable_softmax(z):
    # Subtracting each row's largest logit changes nothing mathematically (the factor
    # exp(-max) cancels), but the largest exponent is now exp(0) = 1: no overflow.
    z = z - z.max(dim=1, keepdim=True).values
    return torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)


# float32's largest number is about 3.4e38: exp(z) is inf as soon as z passes its log.
print(f"exp overflows above {math.log(torch.finfo(torch.float32).max):.1f}")

# Logits like those of example 19's first test row, then 100 times larger, as a very
# confident model produces. float32's exp overflows to inf above about 88.7.
logits = torch.tensor([[-1.0, 3.0, -5.0, 3.5]])
for scale in [1, 100]:
    z = scale * logits
    print(f"logits times {scale}:")
    print("  naive softmax   " + " ".join(f"{p:6.3f}" for p in naive_softmax(z)[0]))
    print("  stable softmax  " + " ".join(f"{p:6.3f}" for p in stable_softmax(z)[0]))
    print("  torch.softmax   " + " ".join(f"{p:6.3f}" for p in torch.softmax(z, dim=1)[0]))

# The loss if the true class is green (code 2): its probability exp(-850) is far
# below float32's smallest number, so it rounds to 0, and -log(0) is inf. log_softmax
# never forms that probability: it computes z - max - log(sum(exp(z - max))) directly.
z, green = 100 * logits, torch.tensor([2])
print("\nloss for a green row, 100 times larger logits:")
print(f"  -log(stable_softmax)  {-torch.log(stable_softmax(z)[0, 2]).item():.1f}")
print(f"  -log_softmax          {-torch.log_softmax(z, dim=1)[0, 2].item():.1f}")
print(f"  nn.CrossEntropyLoss   {nn.CrossEntropyLoss()(z, green).item():.1f}")
