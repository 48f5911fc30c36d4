"""The machinery that builds and checks the book's site, apart from its content (docs/, snippets/) and its tests.

- `snippet_check`: runs every snippet, compares its output with the recorded one, writes the execution report.
- `hooks`: the MkDocs hooks (listed by path in mkdocs.yml); `theme`: the Material overrides (`theme.custom_dir`).
- `notebooks`, `execute_notebooks`: write docs/notebooks/ from the pages, run them in a Jupyter kernel.
- `prose_numbers`: finds the numbers a page's prose states without citing them.
- `serve_site`, `site_links`, `lighthouse_audit`: serve the built site, check its links, measure it.
"""
