"""Exercise: how many rows does range(0, n - batch, batch) skip, with batches of 50 and of 64?"""

import torch

n = 50_000  # the rows of minibatch_skips_rows.py; only their indices matter here

for batch in [50, 64]:
    seen = torch.zeros(n, dtype=torch.bool)
    # The bug: stopping a batch early "so that the last slice stays inside the data".
    # range never reaches its stop, so the start n - batch itself is never used.
    for start in range(0, n - batch, batch):
        seen[start : start + batch] = True
    never = torch.nonzero(~seen).ravel()
    print(
        f"batch {batch}: last start {start:,}, skips {len(never)} rows "
        f"(rows {never[0].item():,} to {never[-1].item():,}); n % batch = {n % batch}"
    )
