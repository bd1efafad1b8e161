from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.forms import ProfileForm, UnitUploadForm
from accounts.models import OrganizationUnit, User
from accounts.roles import ROLE_PERMISSIONS
from accounts.services import UnitImportError, unit_descendant_ids, units_load_csv, units_tree


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts-profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@permission_required("accounts.follow_unit", raise_exception=True)
def my_unit(request: HttpRequest) -> HttpResponse:
    from contest.selectors import unit_participation

    unit = request.user.unit
    members = []
    participation = []
    if unit is not None:
        ids = unit_descendant_ids(unit=unit)
        members = (
            User.objects.filter(unit_id__in=ids, is_active=True)
            .select_related("unit")
            .order_by("unit__sort_order", "full_name")
        )
        participation = unit_participation(unit_ids=ids, headcount=unit.headcount)
    return render(
        request,
        "accounts/my_unit.html",
        {"unit": unit, "members": members, "participation": participation},
    )


@login_required
@permission_required("accounts.view_personal_data", raise_exception=True)
@require_http_methods(["GET", "POST"])
def unit_list(request: HttpRequest) -> HttpResponse:
    form = UnitUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            report = units_load_csv(data=form.cleaned_data["file"].read())
        except UnitImportError as exc:
            errors = exc.errors
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Units loaded: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
                % {
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
            return redirect("accounts-unit-list")
    counts = dict(OrganizationUnit.objects.annotate(n=Count("members")).values_list("pk", "n"))
    rows = [(unit, depth, counts.get(unit.pk, 0)) for unit, depth in units_tree()]
    return render(
        request, "accounts/unit_list.html", {"rows": rows, "form": form, "errors": errors}
    )


@login_required
@permission_required("accounts.view_personal_data", raise_exception=True)
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.select_related("unit").prefetch_related("groups").order_by("full_name")
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(
            Q(full_name__icontains=q)
            | Q(email__icontains=q)
            | Q(phone__icontains=q)
            | Q(citizen_id__icontains=q)
        )
    role = request.GET.get("role", "")
    if role in ROLE_PERMISSIONS:
        users = users.filter(groups__name=role)
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/user_list.html",
        {"page": page, "q": q, "role": role, "roles": list(ROLE_PERMISSIONS)},
    )
