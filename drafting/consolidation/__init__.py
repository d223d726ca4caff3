"""Consolidation: an amending act's instructions applied to a version of the amended work (``drafting consolidate``)."""
