"""Import of published Akoma Ntoso documents into a source tree (XML -> model -> Markdown)."""
