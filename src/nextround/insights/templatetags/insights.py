from django import template

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.4285 -> "43%"; None -> "—" (nothing to divide by)."""
    if value is None:
        return "—"
    return f"{round(value * 100)}%"


@register.filter
def interval(rate) -> str:
    """A metrics.Rate's 95% range as "20–70%"."""
    low, high = rate.interval
    return f"{round(low * 100)}–{round(high * 100)}%"


@register.filter
def days(value) -> str:
    if value is None:
        return "—"
    value = int(value) if float(value).is_integer() else round(value, 1)
    return f"{value} day" if value == 1 else f"{value} days"
