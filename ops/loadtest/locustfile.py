"""Visitors of the portal for `make loadtest` (locust, headless; see ops/loadtest/run.py).

LOADTEST_PLAN names the JSON that `manage.py prepare_loadtest` wrote (sample URLs, session
cookies, the signed-in pages). Every request says it came through the TLS proxy
(X-Forwarded-Proto), as in production. The runner picks the user classes of each phase: the mix
(AnonymousVisitor, SignedInTalent, SignedInRecruiter), SearchOnly, TrivialView (the ceiling).
"""

import json
import os
import random

from locust import FastHttpUser, between, constant, task

PLAN = json.loads(open(os.environ["LOADTEST_PLAN"]).read())  # noqa: PTH123, SIM115
THINK = between(0.5, 1.5) if os.environ.get("LOADTEST_THINK", "1") == "1" else constant(0)
PROXY = {"X-Forwarded-Proto": "https"}
SEARCHES = [
    "",
    "?q=Python",
    "?q=Softwareentwicklung&type=working_student",
    "?district=goerlitz&type=thesis",
    "?near=goerlitz&sort=distance",
    "?q=Pflege&near=dresden&sort=distance&page=3",
    "?field=computer_science&without_german=on",
    "?q=Reinraumrobotik",
]


def _search(user: FastHttpUser) -> None:
    user.client.get(f"/stellen/{random.choice(SEARCHES)}", headers=PROXY, name="search")  # noqa: S311


class AnonymousVisitor(FastHttpUser):
    """Searches, reads postings and company pages."""

    weight = 6
    wait_time = THINK

    @task(4)
    def search(self) -> None:
        _search(self)

    @task(3)
    def posting(self) -> None:
        url = random.choice(PLAN["postings"])  # noqa: S311
        self.client.get(url, headers=PROXY, name="posting detail")

    @task(2)
    def company(self) -> None:
        url = random.choice(PLAN["companies"])  # noqa: S311
        self.client.get(url, headers=PROXY, name="company page")


class SignedInTalent(FastHttpUser):
    """A talent looks at the postings that match the profile."""

    weight = 2
    wait_time = THINK

    def on_start(self) -> None:
        session = random.choice(PLAN["talent_sessions"])  # noqa: S311
        self.headers = {**PROXY, "Cookie": f"{PLAN['session_cookie']}={session['cookie']}"}
        self.page = session["page"]

    @task
    def matches(self) -> None:
        self.client.get(self.page, headers=self.headers, name=PLAN["talent_page_name"])


class SignedInRecruiter(FastHttpUser):
    """A recruiter looks at the talents that fit the company's openings."""

    weight = 2
    wait_time = THINK

    def on_start(self) -> None:
        session = random.choice(PLAN["recruiter_sessions"])  # noqa: S311
        self.headers = {**PROXY, "Cookie": f"{PLAN['session_cookie']}={session['cookie']}"}
        self.page = session["page"]

    @task
    def talents(self) -> None:
        self.client.get(self.page, headers=self.headers, name=PLAN["recruiter_page_name"])


class SearchOnly(FastHttpUser):
    """Only the search page, as fast as it answers (its throughput against the ceiling)."""

    wait_time = constant(0)

    @task
    def search(self) -> None:
        _search(self)


class TrivialView(FastHttpUser):
    """The ceiling: /healthz goes through gunicorn and every middleware but does no work."""

    wait_time = constant(0)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", headers=PROXY, name="trivial view")
