"""The message checker: warns before a message burns a bridge, or before feedback creates legal risk.

Plain Python with no Django import, so the command line and other tools can use it directly::

    from nextround.checker import check
    for finding in check("Why wasn't I selected?", "candidate"):
        print(finding.category, finding.message)
"""

from nextround.checker.engine import check, check_many, highlight_segments
from nextround.checker.loader import RuleError, load_rules
from nextround.checker.model import AUDIENCES, CATEGORIES, Finding

__all__ = [
    "AUDIENCES",
    "CATEGORIES",
    "Finding",
    "RuleError",
    "check",
    "check_many",
    "highlight_segments",
    "load_rules",
]
