"""Demo accounts and the An Giang unit tree, shared by seed_demo and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import OrganizationUnit, User
from accounts.roles import COMMITTEE, COORDINATOR, ORGANIZER, PARTICIPANT
from accounts.services import units_load_csv

UNITS_CSV = Path(__file__).resolve().parent / "data" / "an-giang-units-2019.csv"
DEMO_PASSWORD = "demo-Cchc-2019"


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    kind: str
    unit_code: str
    roles: tuple[str, ...]
    staff: bool = False


DEMO_USERS = [
    DemoUser(
        "admin@demo.cchc.vn", "Quản trị hệ thống", "civil_servant", "AG-SNV", (ORGANIZER,), True
    ),
    DemoUser("bantochuc@demo.cchc.vn", "Nguyễn Thị Lan", "civil_servant", "AG-SNV", (ORGANIZER,)),
    DemoUser("hoidong@demo.cchc.vn", "Trần Văn Hùng", "civil_servant", "AG-VP", (COMMITTEE,)),
    DemoUser(
        "daumoi.longxuyen@demo.cchc.vn",
        "Lê Minh Tâm",
        "civil_servant",
        "AG-LX",
        (COORDINATOR, PARTICIPANT),
    ),
    DemoUser("congchuc1@demo.cchc.vn", "Phạm Quốc Bảo", "civil_servant", "AG-STP", (PARTICIPANT,)),
    DemoUser("congchuc2@demo.cchc.vn", "Võ Thị Mai", "civil_servant", "AG-LX", (PARTICIPANT,)),
    DemoUser("congchuc3@demo.cchc.vn", "Huỳnh Văn Phúc", "civil_servant", "AG-CD", (PARTICIPANT,)),
    DemoUser("congdan1@demo.cchc.vn", "Đặng Thị Hoa", "citizen", "AG-LX", (PARTICIPANT,)),
    DemoUser("congdan2@demo.cchc.vn", "Ngô Văn Khánh", "citizen", "AG-CM", (PARTICIPANT,)),
]


@transaction.atomic
def seed_units() -> None:
    units_load_csv(data=UNITS_CSV)


@transaction.atomic
def seed_users() -> list[DemoUser]:
    """Create or refresh the demo users with verified e-mail addresses. Idempotent."""
    from allauth.account.models import EmailAddress

    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=demo.email,
            defaults={
                "full_name": demo.full_name,
                "kind": demo.kind,
                "unit": OrganizationUnit.objects.get(code=demo.unit_code),
                "is_staff": demo.staff,
                "is_superuser": demo.staff,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        for role in demo.roles:
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        EmailAddress.objects.update_or_create(
            user=user, email=demo.email, defaults={"verified": True, "primary": True}
        )
    return DEMO_USERS
