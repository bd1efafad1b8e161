from django import template
from django.utils.safestring import SafeString

from quizbank.text import render_light

register = template.Library()


@register.filter
def duration_mmss(seconds) -> str:  # type: ignore[no-untyped-def]
    """12.5 → "00:12"; 3725 → "1:02:05"."""
    if seconds is None or seconds == "":
        return "—"
    total = int(float(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


@register.filter
def light(text: str) -> SafeString:
    return render_light(text)


@register.filter
def minutes(duration) -> str:  # type: ignore[no-untyped-def]
    """A timedelta as whole minutes (seconds are not used for round limits)."""
    return str(int(duration.total_seconds() // 60)) if duration is not None else "—"
