"""Ports of Go's standard library: one module per Go package, pinned by goldens made by real Go.

Nothing here imports the rest of pkisign.
"""
