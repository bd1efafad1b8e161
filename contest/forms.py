from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganizationUnit
from contest.models import BlueprintRule, Campaign, Contest, PrizeTier, Round
from contest.services import round_set_password
from quizbank.forms import TopicChoiceField

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["name", "year", "description"]


class ContestForm(forms.ModelForm):
    class Meta:
        model = Contest
        fields = [
            "campaign",
            "title",
            "slug",
            "description",
            "opens_at",
            "closes_at",
            "one_prize_per_person",
            "is_published",
        ]
        widgets = {"opens_at": DATETIME_WIDGET, "closes_at": DATETIME_WIDGET}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The close must be after the opening."))
        return cleaned


class RoundForm(forms.ModelForm):
    duration_minutes = forms.IntegerField(
        label=_("Minutes per attempt"), min_value=1, max_value=600, initial=15
    )
    new_password = forms.CharField(
        label=_("Access password"),
        required=False,
        max_length=100,
        help_text=_("Leave empty to keep the current one."),
    )
    clear_password = forms.BooleanField(label=_("Remove the access password"), required=False)
    eligible_units = forms.ModelMultipleChoiceField(
        label=_("Only these units"),
        queryset=OrganizationUnit.objects.filter(is_active=True),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Leave empty to admit every unit. Units below a listed unit are admitted."),
    )

    class Meta:
        model = Round
        fields = [
            "number",
            "title",
            "description",
            "opens_at",
            "closes_at",
            "shuffle_questions",
            "shuffle_choices",
            "attempts_allowed",
            "counting",
            "eligibility",
            "eligible_units",
            "prediction_question",
            "reveal",
        ]
        widgets = {"opens_at": DATETIME_WIDGET, "closes_at": DATETIME_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["duration_minutes"].initial = int(
                self.instance.duration.total_seconds() // 60
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The close must be after the opening."))
        return cleaned

    def save(self, commit: bool = True) -> Round:
        round = super().save(commit=False)
        round.duration = timedelta(minutes=self.cleaned_data["duration_minutes"])
        if self.cleaned_data.get("clear_password"):
            round_set_password(round=round, password="")
        elif self.cleaned_data.get("new_password"):
            round_set_password(round=round, password=self.cleaned_data["new_password"])
        if commit:
            round.save()
            self.save_m2m()
        return round


class BlueprintRuleForm(forms.ModelForm):
    topic = TopicChoiceField(label=_("Topic"), required=False, empty_label=_("Any topic"))

    class Meta:
        model = BlueprintRule
        fields = ["audience", "topic", "difficulty", "count"]


BlueprintFormSet = inlineformset_factory(
    Round, BlueprintRule, form=BlueprintRuleForm, extra=3, can_delete=True
)
PrizeTierFormSet = inlineformset_factory(
    Round, PrizeTier, fields=["rank", "name", "count"], extra=2, can_delete=True
)


class ExtendForm(forms.Form):
    closes_at = forms.DateTimeField(label=_("New close"), widget=DATETIME_WIDGET)
