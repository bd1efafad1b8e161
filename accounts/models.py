from __future__ import annotations

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_citizen_id, validate_vn_mobile


class OrganizationUnit(models.Model):
    """A node of a province's unit tree: province → department/district → office/commune."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DEPARTMENT = "department", _("Department or agency")
        DISTRICT = "district", _("District-level unit")
        OFFICE = "office", _("Office")
        COMMUNE = "commune", _("Commune, ward or township")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    headcount = models.PositiveIntegerField(
        _("headcount"),
        null=True,
        blank=True,
        help_text=_("Number of staff, used for participation rates."),
    )
    headcount_is_demo = models.BooleanField(
        _("demo headcount"),
        default=False,
        help_text=_("The headcount is made up for the demo, not an official figure."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("organization unit")
        verbose_name_plural = _("organization units")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[OrganizationUnit]:
        chain: list[OrganizationUnit] = []
        node = self.parent
        seen = {self.pk}
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return list(reversed(chain))

    @property
    def is_residence_area(self) -> bool:
        """Citizens choose a district or commune of residence."""
        return self.level in {self.Level.DISTRICT, self.Level.COMMUNE}


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an e-mail address. The profile lives on the user."""

    class Kind(models.TextChoices):
        CIVIL_SERVANT = "civil_servant", _("Civil servant or public employee")
        CITIZEN = "citizen", _("Citizen")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(
        _("mobile phone"), max_length=15, blank=True, validators=[validate_vn_mobile]
    )
    citizen_id = models.CharField(
        _("citizen ID (CCCD)"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_citizen_id],
        error_messages={"unique": _("This citizen ID (CCCD) is already registered.")},
    )
    kind = models.CharField(_("participant kind"), max_length=20, choices=Kind.choices, blank=True)
    unit = models.ForeignKey(
        OrganizationUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text=_(
            "Civil servants: the unit you work in. Citizens: your district or commune of residence."
        ),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("view_personal_data", _("Can see citizen IDs, phone numbers and e-mails")),
            ("follow_unit", _("Can follow the participation of their own unit")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(citizen_id__isnull=True) | Q(citizen_id__regex=r"^[0-9]{12}$"),
                name="user_citizen_id_12_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split()[-1] if self.full_name else self.email

    @property
    def profile_complete(self) -> bool:
        return bool(self.full_name and self.kind and self.unit_id)
