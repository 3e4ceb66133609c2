"""Places on the tracker's pages where a capability above the tracker shows a panel of its own.

The tracker imports nothing above it, so its dashboard cannot ask the playbook for the steps due, nor its
application page for the plan. Instead a capability registers a panel for a page in its
`AppConfig.ready()`: a template and a `gather` function that reads what the template shows. The tracker's
view calls `gather(page, ...)` with the page's subject, and the page includes each panel's template with
`panel` set to what was gathered. Templates never query.
"""

from collections.abc import Callable
from dataclasses import dataclass

# The pages with panels, and what their view passes to `gather`:
#   "dashboard":   owner, today
#   "application": application
#   "moved":       application, change (what to say right after a stage move, on the board and the page)
PAGES = ("dashboard", "application", "moved")


@dataclass(frozen=True)
class Panel:
    template: str
    gather: Callable[..., dict]


_panels: dict[str, list[Panel]] = {page: [] for page in PAGES}


def register(page: str, *, template: str, gather: Callable[..., dict]) -> None:
    """Show `template` on `page` with `panel` = gather(...); registering a template again replaces it."""
    if page not in _panels:
        raise ValueError(f"no page {page!r} takes panels; pick one of {', '.join(PAGES)}")
    _panels[page] = [panel for panel in _panels[page] if panel.template != template]
    _panels[page].append(Panel(template, gather))


def gather(page: str, **subject) -> list[dict]:
    """What the page's panels show: [{"template": ..., "panel": ...}], in the order they were registered."""
    return [{"template": panel.template, "panel": panel.gather(**subject)} for panel in _panels[page]]
