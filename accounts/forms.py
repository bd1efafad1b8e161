from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganizationUnit, User
from accounts.services import units_tree
from accounts.validators import normalize_phone, validate_citizen_id, validate_vn_mobile


class TreeChoiceIterator(ModelChoiceIterator):
    """Choices in tree order, indented by depth; the field's ``tree()`` gives the order."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for node, depth in self.field.tree():
            yield (self.choice(node)[0], "\u00a0\u00a0\u00a0" * depth + str(node))

    def __len__(self) -> int:
        return self.queryset.count() + (1 if self.field.empty_label is not None else 0)


class UnitChoiceField(forms.ModelChoiceField):
    """A select that shows the unit tree, indented, in tree order."""

    iterator = TreeChoiceIterator
    tree = staticmethod(units_tree)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", OrganizationUnit.objects.filter(is_active=True))
        kwargs.setdefault("empty_label", _("— choose a unit —"))
        super().__init__(**kwargs)


class ProfileFieldsMixin(forms.Form):
    """Profile rules shared by sign-up and the profile page."""

    def clean_phone(self) -> str:
        value = self.cleaned_data.get("phone", "")
        if not value:
            return ""
        validate_vn_mobile(value)
        return normalize_phone(value)

    def clean_citizen_id(self) -> str | None:
        value = (self.cleaned_data.get("citizen_id") or "").strip().replace(" ", "")
        if not value:
            return None
        validate_citizen_id(value)
        others = User.objects.filter(citizen_id=value)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            others = others.exclude(pk=instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("This citizen ID (CCCD) is already registered."), code="duplicate_citizen_id"
            )
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        unit: OrganizationUnit | None = cleaned.get("unit")
        if kind == User.Kind.CIVIL_SERVANT and unit is None and "unit" not in self.errors:
            self.add_error("unit", _("Civil servants must choose the unit they work in."))
        if kind == User.Kind.CITIZEN:
            if unit is None and "unit" not in self.errors:
                self.add_error(
                    "unit", _("Citizens must choose their district or commune of residence.")
                )
            elif unit is not None and not unit.is_residence_area:
                self.add_error(
                    "unit",
                    _("Citizens choose a district or commune of residence, not an agency."),
                )
        return cleaned


def _profile_fields() -> dict[str, forms.Field]:
    return {
        "full_name": forms.CharField(
            label=_("Full name"),
            max_length=150,
            widget=forms.TextInput(attrs={"autocomplete": "name"}),
        ),
        "kind": forms.ChoiceField(
            label=_("You are"), choices=User.Kind.choices, widget=forms.RadioSelect
        ),
        "unit": UnitChoiceField(
            label=_("Unit"),
            required=False,
            help_text=_(
                "Civil servants: the unit you work in. Citizens: your district or commune of "
                "residence."
            ),
        ),
        "phone": forms.CharField(
            label=_("Mobile phone"),
            max_length=20,
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        ),
        "citizen_id": forms.CharField(
            label=_("Citizen ID (CCCD)"),
            max_length=20,
            required=False,
            help_text=_("12 digits. Optional unless a contest asks for it; never shown publicly."),
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        ),
    }


class SignupForm(ProfileFieldsMixin, AllauthSignupForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in _profile_fields().items():
            self.fields[name] = field


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "kind", "unit", "phone", "citizen_id"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = _profile_fields()
        for name in self.Meta.fields:
            fields[name].initial = self.fields[name].initial
            self.fields[name] = fields[name]


class UnitUploadForm(forms.Form):
    file = forms.FileField(label=_("Unit file (CSV, UTF-8)"))
