"""Business rules for accounts and organization units."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import OrganizationUnit, User
from accounts.roles import ROLE_PERMISSIONS
from accounts.trees import descendant_ids, tree_order


class AccountsError(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class RowError:
    row: int
    reason: str

    def __str__(self) -> str:
        return _("Row %(row)s: %(reason)s") % {"row": self.row, "reason": self.reason}


class UnitImportError(AccountsError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            _("The unit file has %(count)s invalid row(s); nothing was loaded.")
            % {"count": len(errors)},
            code="invalid_unit_file",
        )
        self.errors = errors


@dataclass
class UnitLoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)


_COLUMN_ALIASES = {
    "code": "code",
    "ma": "code",
    "mã": "code",
    "mã đơn vị": "code",
    "name": "name",
    "ten": "name",
    "tên": "name",
    "tên đơn vị": "name",
    "parent_code": "parent_code",
    "parent": "parent_code",
    "mã đơn vị cha": "parent_code",
    "level": "level",
    "cấp": "level",
    "headcount": "headcount",
    "biên chế": "headcount",
    "headcount_is_demo": "headcount_is_demo",
    "sort_order": "sort_order",
    "thứ tự": "sort_order",
}
_REQUIRED_COLUMNS = {"code", "name", "parent_code", "level"}
_TRUE = {"1", "true", "yes", "x", "có"}
_FALSE = {"", "0", "false", "no", "không"}


def _read_csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Name the row that holds the first bad byte (the header is row 1).
        row = data[: exc.start].count(b"\n") + 1
        raise UnitImportError(
            [RowError(row, _("The file is not UTF-8 text. Save it as CSV UTF-8 and try again."))]
        ) from exc


def units_load_csv(*, data: bytes | str | Path) -> UnitLoadReport:
    """Load or update the unit tree from CSV (code, name, parent_code, level, ...).

    All or nothing: every row is checked first; any bad row raises
    ``UnitImportError`` listing each bad row and nothing is written. Rows may
    name a parent defined later in the file or already in the database.
    """
    if isinstance(data, Path):
        data = data.read_bytes()
    text = _read_csv_text(data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise UnitImportError([RowError(1, _("The file is empty."))]) from None
    columns = [_COLUMN_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    missing = _REQUIRED_COLUMNS - set(columns)
    if missing:
        raise UnitImportError(
            [
                RowError(
                    1,
                    _("Missing column(s): %(columns)s.") % {"columns": ", ".join(sorted(missing))},
                )
            ]
        )

    errors: list[RowError] = []
    rows: dict[str, dict] = {}
    order: list[str] = []
    levels = set(OrganizationUnit.Level.values)
    for line_no, raw in enumerate(reader, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) > len(columns):
            errors.append(RowError(line_no, _("Too many cells in this row.")))
            continue
        record = dict(zip(columns, [c.strip() for c in raw], strict=False))
        code = record.get("code", "")
        name = record.get("name", "")
        level = record.get("level", "")
        if not code:
            errors.append(RowError(line_no, _("The code is empty.")))
            continue
        if len(code) > 40:
            errors.append(RowError(line_no, _("The code is longer than 40 characters.")))
            continue
        if code in rows:
            errors.append(RowError(line_no, _("The code %(code)s appears twice.") % {"code": code}))
            continue
        if not name:
            errors.append(RowError(line_no, _("The name is empty.")))
        elif len(name) > 200:
            errors.append(RowError(line_no, _("The name is longer than 200 characters.")))
        if level not in levels:
            errors.append(
                RowError(
                    line_no,
                    _("Unknown level %(level)s; use one of: %(levels)s.")
                    % {"level": level or "''", "levels": ", ".join(sorted(levels))},
                )
            )
        headcount = None
        raw_headcount = record.get("headcount", "")
        if raw_headcount:
            if not raw_headcount.isdigit():
                errors.append(RowError(line_no, _("The headcount must be a whole number ≥ 0.")))
            else:
                headcount = int(raw_headcount)
        demo_raw = record.get("headcount_is_demo", "").lower()
        if demo_raw not in _TRUE | _FALSE:
            errors.append(RowError(line_no, _("headcount_is_demo must be 1 or 0.")))
        sort_raw = record.get("sort_order", "")
        if sort_raw and not sort_raw.isdigit():
            errors.append(RowError(line_no, _("The order must be a whole number ≥ 0.")))
        rows[code] = {
            "line": line_no,
            "name": name,
            "parent_code": record.get("parent_code", ""),
            "level": level,
            "headcount": headcount,
            "headcount_is_demo": demo_raw in _TRUE,
            "sort_order": int(sort_raw) if sort_raw.isdigit() else len(order),
        }
        order.append(code)

    existing = {u.code: u for u in OrganizationUnit.objects.all()}
    for code in order:
        row = rows[code]
        parent = row["parent_code"]
        if parent and parent not in rows and parent not in existing:
            errors.append(
                RowError(
                    row["line"], _("The parent unit %(code)s does not exist.") % {"code": parent}
                )
            )
        if parent == code:
            errors.append(RowError(row["line"], _("A unit cannot be its own parent.")))

    # Cycles: follow parents (file first, then database) from each row.
    def parent_of(code: str) -> str:
        if code in rows:
            return rows[code]["parent_code"]
        unit = existing.get(code)
        return unit.parent.code if unit and unit.parent_id else ""

    if not errors:
        for code in order:
            seen = {code}
            cursor = parent_of(code)
            while cursor:
                if cursor in seen:
                    errors.append(
                        RowError(rows[code]["line"], _("The parent chain forms a cycle."))
                    )
                    break
                seen.add(cursor)
                cursor = parent_of(cursor)

    if errors:
        errors.sort(key=lambda e: e.row)
        raise UnitImportError(errors)

    report = UnitLoadReport()
    with transaction.atomic():
        saved: dict[str, OrganizationUnit] = dict(existing)
        # First pass creates or updates without parents; the second links them.
        for code in order:
            row = rows[code]
            unit = saved.get(code)
            values = {
                "name": row["name"],
                "level": row["level"],
                "headcount": row["headcount"],
                "headcount_is_demo": row["headcount_is_demo"],
                "sort_order": row["sort_order"],
            }
            if unit is None:
                unit = OrganizationUnit.objects.create(code=code, **values)
                saved[code] = unit
                report.created += 1
            else:
                changed = any(getattr(unit, k) != v for k, v in values.items())
                changed = (
                    changed or (unit.parent.code if unit.parent_id else "") != row["parent_code"]
                )
                for key, value in values.items():
                    setattr(unit, key, value)
                unit.is_active = True
                unit.save()
                if changed:
                    report.updated += 1
                else:
                    report.unchanged += 1
            report.codes.append(code)
        for code in order:
            unit = saved[code]
            parent_code = rows[code]["parent_code"]
            parent = saved[parent_code] if parent_code else None
            if unit.parent_id != (parent.pk if parent else None):
                unit.parent = parent
                unit.save(update_fields=["parent"])
    return report


def units_tree() -> list[tuple[OrganizationUnit, int]]:
    """All active units in tree order with their depth, in one query."""
    return tree_order(
        list(OrganizationUnit.objects.filter(is_active=True).order_by("sort_order", "name"))
    )


def unit_descendant_ids(*, unit: OrganizationUnit) -> set[int]:
    """The unit and every unit below it."""
    return set(descendant_ids(OrganizationUnit.objects.values_list("pk", "parent_id"), unit.pk))


@transaction.atomic
def user_set_roles(*, user: User, roles: list[str]) -> None:
    """Replace the user's role groups. Raises AccountsError on an unknown role."""
    unknown = set(roles) - set(ROLE_PERMISSIONS)
    if unknown:
        raise AccountsError(
            _("Unknown role: %(roles)s") % {"roles": ", ".join(sorted(unknown))},
            code="unknown_role",
        )
    groups = [Group.objects.get_or_create(name=name)[0] for name in roles]
    user.groups.remove(*Group.objects.filter(name__in=ROLE_PERMISSIONS))
    user.groups.add(*groups)
