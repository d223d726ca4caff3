"""A legislative drafting toolkit.

Sources (Markdown in git) -> reader -> one typed model -> checks -> writers.
"""

__version__ = "0.1.0"
