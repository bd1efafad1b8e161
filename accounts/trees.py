"""Small helpers for the adjacency-list trees of the project (units, topics)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class Node(Protocol):
    pk: int
    parent_id: int | None


N = TypeVar("N", bound=Node)


def tree_order(nodes: Sequence[N]) -> list[tuple[N, int]]:
    """Nodes (already sorted among siblings) in depth-first order with their depth.
    A node whose parent is not in ``nodes`` is shown as a root."""
    ids = {n.pk for n in nodes}
    children: dict[int | None, list[N]] = {}
    for node in nodes:
        children.setdefault(node.parent_id if node.parent_id in ids else None, []).append(node)
    out: list[tuple[N, int]] = []
    stack: list[tuple[N, int]] = [(n, 0) for n in reversed(children.get(None, []))]
    while stack:
        node, depth = stack.pop()
        out.append((node, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(node.pk, [])))
    return out


def descendant_ids(pairs: Iterable[tuple[int, int | None]], root: int) -> list[int]:
    """``root`` and every id below it, from (id, parent id) pairs; root first."""
    children: dict[int, list[int]] = {}
    for pk, parent in pairs:
        if parent is not None:
            children.setdefault(parent, []).append(pk)
    found = [root]
    seen = {root}
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in seen:
                seen.add(child)
                found.append(child)
                stack.append(child)
    return found
