"""Pure text analysis: temporal expressions, events and actors.

Nothing in this package touches the ORM or Django settings: plain strings and dates in,
dataclasses out, so it can be tested and benchmarked on its own.
"""
