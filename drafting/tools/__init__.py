"""The drafter's tools: renumbering, scaffolding new units, statistics and the live preview server."""
