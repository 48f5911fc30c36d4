"""The MkDocs hooks: mkdocs.yml lists each file by path; tests and booksite.notebooks import them."""
