from django import template

register = template.Library()


@register.filter
def indent(depth: int) -> str:
    """Non-breaking spaces that indent a tree level inside an <option>."""
    return "\u00a0\u00a0\u00a0" * int(depth or 0)
