from django.core.management.base import BaseCommand

from talentportal.demo import DEMO_LOGINS, DEMO_PASSWORD, seed_demo
from talentportal.demo_catalogue import TALENTS


class Command(BaseCommand):
    help = "Load the deterministic demo region and demo people (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        seed_demo()
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins (password for all):"))
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.role:<10} {login.email:<22} {DEMO_PASSWORD}")
        others = ", ".join(entry[0] for entry in TALENTS)
        self.stdout.write(f"  More talents (visible as anonymous cards, same password): {others}")
        self.stdout.write(
            "  Staff set up two-factor authentication (an authenticator app) on their first visit to /admin/."
        )
