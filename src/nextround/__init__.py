"""nextround: turn every job rejection into a plan."""

__version__ = "0.1.0"
