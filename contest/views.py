from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from contest.selectors import contests_open


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/home.html", {"contests": contests_open()})
