"""unres: one Markdown source of a UN resolution, four consistent outputs."""
__version__ = "0.1.0"
