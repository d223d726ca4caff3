"""Reading and rewriting the sources: the file tree, YAML and Markdown through their parsers, the model reader, and all-or-nothing rewrites."""
