"""The HTML edition: one page per language from the jinja2 templates in templates/."""
