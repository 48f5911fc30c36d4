"""Run the book's snippets and check their output against what the pages show.

- `directives`: the `# output-check:` settings a snippet declares in its source.
- `compare`: recorded vs actual output, text exact and numbers within tolerance.
- `shown`: what a page shows of a snippet (after its check header), so what a reader copies.
- `execute`: the child process that runs one snippet and saves its figures.
- `runner`: starts that child with a timeout and collects what it produced.
- `preload`: a per-worker process that has imported torch already, forked for each snippet.
- `verdict`: what a finished run means: skipped, failed, the output it shows, its drift.
- `reader`: runs a snippet as a reader does (`python NAME.py`, alone, default kernels).
- `cores`: lets a snippet that uses several cores run with no other beside it.
- `mnist_mirror`: puts an offline MNIST copy where torchvision looks for it.
- `cache`: reuses the run of a snippet whose inputs have not changed.
- `report`: the execution report page (time, memory, cache hit) of every run.
- `shards`: splits the snippets into N shards of about equal run time (`--shard i/N`).
"""
