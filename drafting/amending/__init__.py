"""Amending acts: the instructions that turn one version of an act into another (``drafting amend``)."""
