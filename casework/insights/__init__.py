"""The insights page: partnership figures built from a rollup, protected before they are shown."""
