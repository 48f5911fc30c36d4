"""The CPU kernels the snippets run with, so that a recorded output is the same on any x86-64 CPU.

PyTorch picks its vector kernels by processor (AVX2 or AVX-512), and MKL its matrix
kernels by processor and vendor. Each rounds a little differently, and a network
trained for thousands of steps carries that into the digits it prints: on two CI
machines (AVX2; AMD with AVX-512) an RMSE came out 8% apart. On x86-64 every snippet
therefore runs with PyTorch's AVX2 kernels and MKL's conditional numerical
reproducibility mode COMPATIBLE, whose results Intel documents as the same on Intel
and compatible processors. A variable already set in the environment wins. A reader's
own run (default kernels) can differ in a trained model's last digits; the snippets
where it shows say so and carry a tolerance.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping

X86_64 = ("x86_64", "AMD64")
REFERENCE_KERNELS = {"ATEN_CPU_CAPABILITY": "avx2", "MKL_CBWR": "COMPATIBLE"}


def reference_kernels(machine: str | None = None) -> dict[str, str]:
    """The environment variables that select the reference kernels on `machine` (default: this one)."""
    return dict(REFERENCE_KERNELS) if (machine or platform.machine()) in X86_64 else {}


def snippet_kernels(environ: Mapping[str, str] = os.environ, machine: str | None = None) -> dict[str, str]:
    """The kernel variables a snippet runs with: the reference ones, unless `environ` sets them."""
    return {variable: environ.get(variable, value) for variable, value in reference_kernels(machine).items()}


def describe(kernels: Mapping[str, str]) -> str:
    return ", ".join(f"{variable}={value}" for variable, value in kernels.items()) or "the default CPU kernels"
