"""`make drills`: the faults an operator must survive, rehearsed on this machine.

All three run against a throwaway PostgreSQL cluster of their own (port 5439, data in a temporary
folder, the PostgreSQL 16 binaries of the pgserver package), never the machine's shared server:

  database-restart  gunicorn (production settings) serves pages under load while PostgreSQL
                    restarts: every answer is a page or the friendly 503, and the portal serves
                    again by itself, without restarting gunicorn.
  mail-down         the SMTP server is down while the worker sends emails: every send fails and
                    is queued again; once a server answers, every email arrives exactly once.
  backup-restore    pg_dump of the portal's database, restored into a fresh database: a second
                    gunicorn on the copy serves the same pages.

Each prints what it did and its outcome; the exit status is 0 only if every drill passed.
"""

import argparse
import json
import os
import pwd
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ops.common import PROJECT, get, gunicorn, manage, prepare_database

PORT = 5439
LOGS = Path(tempfile.mkdtemp(prefix="talentportal-drills-"))
DATABASE = "talentportal_drill"
FRIENDLY_503 = ("Das Portal ist kurz nicht erreichbar", "The portal is briefly unavailable")
INTERNALS = ("Traceback", "OperationalError", "InterfaceError", "psycopg", "5439")


class ThrowawayPostgres:
    """initdb + pg_ctl on 127.0.0.1:PORT in a temporary folder; removed afterwards."""

    def __init__(self) -> None:
        import pgserver

        self.bin = Path(pgserver.__file__).parent / "pginstall" / "bin"
        self.folder = Path(tempfile.mkdtemp(prefix="talentportal-drill-pg-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root: then as the system's postgres user (or pgserver's).
        self.user = None
        if os.geteuid() == 0:
            self.user = "postgres" if _user_exists("postgres") else "pgserver"
            if not _user_exists(self.user):
                subprocess.run(["/usr/sbin/useradd", "-s", "/bin/false", self.user], check=True)
            shutil.chown(self.folder, self.user)
            self.folder.chmod(0o755)

    def run(self, program: str, *arguments: str, check: bool = True) -> None:
        command = [str(self.bin / program), *arguments]
        if self.user:
            command = ["/usr/sbin/runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {PORT} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.run(
            "pg_ctl", action, "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
            "-o", options, *extra,
        )  # fmt: skip

    def __enter__(self) -> "ThrowawayPostgres":
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.pg_ctl("start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{PORT}/postgres"


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def drill_environment(postgres: ThrowawayPostgres, database: str = DATABASE) -> dict[str, str]:
    import secrets

    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": postgres.url,
        "DATABASE_NAME": database,
        "CONN_MAX_AGE": "60",  # as in production: connections outlive the restart
        "LOG_LEVEL": "ERROR",
    }


def public_pages(environment: dict[str, str]) -> list[str]:
    """The home page, the search, every demo company's page and posting page."""
    script = (
        "from companies.models import Company, Posting\n"
        "for c in Company.objects.verified(): print(c.get_absolute_url())\n"
        "for p in Posting.objects.published(): print(p.get_absolute_url())\n"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    urls = [line for line in output.split() if line.startswith("/")]
    return ["/", "/stellen/", "/en/jobs/", "/unternehmen/", *urls]


# --- Drill 1: PostgreSQL restarts under load -----------------------------------------------------


def drill_database_restart(postgres: ThrowawayPostgres, environment: dict[str, str]) -> bool:
    pages = public_pages(environment)
    answers: list[tuple[float, int, str]] = []
    stop = threading.Event()

    def visitor(number: int) -> None:
        index = number
        while not stop.is_set():
            index = (index + 7) % len(pages)
            try:
                status, body = get(base_url + pages[index], timeout=15)
            except Exception as error:  # no answer at all: that would be a bad answer
                status, body = 0, repr(error)
            answers.append((time.monotonic(), status, body))

    log = LOGS / "database-restart-gunicorn.log"
    with gunicorn(environment, 8124, log) as base_url:
        gunicorn_pids = _gunicorn_pids(log)
        with ThreadPoolExecutor(max_workers=4) as pool:
            for number in range(4):
                pool.submit(visitor, number)
            time.sleep(5)
            down_at = time.monotonic()
            postgres.pg_ctl("stop", "-m", "fast")  # drops every connection, like a restart
            time.sleep(5)  # a visible outage
            postgres.pg_ctl("start")
            up_at = time.monotonic()
            time.sleep(10)
            stop.set()
        same_gunicorn = _gunicorn_pids(log) == gunicorn_pids
    statuses = Counter(status for _, status, _ in answers)
    bad = [(status, body[:200]) for _, status, body in answers if status not in (200, 503)]
    unfriendly = [
        body[:200]
        for _, status, body in answers
        if status == 503 and (not any(text in body for text in FRIENDLY_503) or _leaks(body))
    ]
    during = Counter(status for at, status, _ in answers if down_at <= at <= up_at)
    after_up = [at - up_at for at, status, _ in answers if at > up_at and status == 200]
    recovered_after = min(after_up) if after_up else None
    last_failure = max(
        (at - up_at for at, status, _ in answers if at > up_at and status != 200), default=None
    )
    tail = [status for at, status, _ in answers if at > up_at + 3]
    print(f"  requests: {len(answers)}  answers: {dict(statuses)}")
    print(f"  while PostgreSQL was down ({up_at - down_at:.1f} s): {dict(during)}")
    print(
        "  first page after PostgreSQL was back: "
        + (f"{recovered_after:.2f} s" if recovered_after is not None else "never")
        + (f"; last failed request {last_failure:.2f} s after" if last_failure else "")
    )
    print(f"  gunicorn restarted: {'no' if same_gunicorn else 'YES'}")
    passed = (
        not bad
        and not unfriendly
        and during.get(503, 0) > 0
        and recovered_after is not None
        and tail
        and all(status == 200 for status in tail)
        and same_gunicorn
    )
    if bad:
        print(f"  answers other than 200/503: {bad[:3]}")
    if unfriendly:
        print(f"  503 pages that are not the friendly one or leak internals: {unfriendly[:2]}")
    return bool(passed)


def _leaks(body: str) -> bool:
    return any(text in body for text in INTERNALS)


def _gunicorn_pids(log: Path) -> set[str]:
    return set(re.findall(r"Booting worker with pid: (\d+)", log.read_text()))


# --- Drill 2: the mail server is down ------------------------------------------------------------


class SmtpSink(socketserver.ThreadingTCPServer):
    """A minimal SMTP server on the loopback that keeps what it receives."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int) -> None:
        self.messages: list[str] = []
        super().__init__(("127.0.0.1", port), _SmtpHandler)


class _SmtpHandler(socketserver.StreamRequestHandler):
    server: SmtpSink

    def handle(self) -> None:
        self.wfile.write(b"220 drill ESMTP\r\n")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.wfile.write(b"250 drill\r\n")
            elif command == "DATA":
                self.wfile.write(b"354 go ahead\r\n")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(data.decode(errors="replace"))
                self.server.messages.append("".join(lines))
                self.wfile.write(b"250 queued\r\n")
            elif command == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


def drill_mail_down(environment: dict[str, str], emails: int = 20) -> bool:
    smtp_port = 2526
    environment = {**environment, "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}"}
    queue = (
        "from django.db import transaction\n"
        "from accounts.emails import email_address\n"
        "with transaction.atomic():\n"
        f"    for number in range({emails}):\n"
        "        email_address(f'drill-{number}@example.org', language='de',"
        " template='companies/email/invitation', context={})\n"
    )
    manage("shell", "-c", queue, environment=environment)
    worker = ["db_worker", "--batch", "--no-startup-delay", "--interval", "0"]
    manage(*worker, environment=environment)  # nothing listens on the SMTP port: all fail
    counts = _task_counts(environment)
    print(f"  after the worker ran with the mail server down: {counts}")
    retried = counts.get("READY attempt 2", 0) == emails

    sink = SmtpSink(smtp_port)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    try:
        # Fast-forward the clock of the queue: the retries are due now rather than in a minute.
        due = "from django_tasks_db.models import DBTaskResult\nfrom django.utils import timezone\nDBTaskResult.objects.filter(status='READY').update(run_after=timezone.now())"
        manage("shell", "-c", due, environment=environment)
        manage(*worker, environment=environment)
    finally:
        sink.shutdown()
        sink.server_close()
    counts = _task_counts(environment)
    recipients = Counter(
        match
        for message in sink.messages
        for match in re.findall(r"drill-\d+@example.org", message)
    )
    print(f"  after the mail server was back: {counts}; received {len(sink.messages)} emails")
    exactly_once = len(recipients) == emails and set(recipients.values()) == {1}
    print(f"  every email arrived exactly once: {'yes' if exactly_once else 'NO'}")
    return retried and exactly_once and counts == {"SUCCESSFUL attempt 2": emails}


def _task_counts(environment: dict[str, str]) -> dict[str, int]:
    script = (
        "import json\n"
        "from collections import Counter\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "rows = DBTaskResult.objects.filter(task_path='accounts.emails.send_email')\n"
        "print(json.dumps(Counter(f\"{r.status} attempt {r.args_kwargs['kwargs'].get('attempt', 1)}\""
        " for r in rows)))\n"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# --- Drill 3: backup and restore -----------------------------------------------------------------


def drill_backup_restore(postgres: ThrowawayPostgres, environment: dict[str, str]) -> bool:
    dump = postgres.folder / "talentportal.dump"
    restored = "talentportal_restored"
    started = time.monotonic()
    postgres.run("pg_dump", "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres", "-Fc",
                 "-f", str(dump), DATABASE)  # fmt: skip
    postgres.run("createdb", "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres", restored)
    postgres.run("pg_restore", "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres",
                 "--no-owner", "-d", restored, str(dump))  # fmt: skip
    print(f"  pg_dump + restore into a fresh database: {time.monotonic() - started:.1f} s, "
          f"dump {dump.stat().st_size / 1024:.0f} KiB")  # fmt: skip
    pages = public_pages(environment)
    copy_environment = {**environment, "DATABASE_NAME": restored}
    with gunicorn(environment, 8125, LOGS / "backup-original-gunicorn.log") as original:
        before = {page: _comparable(get(original + page)) for page in pages}
    with gunicorn(copy_environment, 8126, LOGS / "backup-restored-gunicorn.log") as copy:
        after = {page: _comparable(get(copy + page)) for page in pages}
    different = [page for page in pages if before[page] != after[page]]
    if different:
        import difflib

        first = different[0]
        diff = difflib.unified_diff(
            before[first][1].splitlines(), after[first][1].splitlines(), lineterm="", n=0
        )
        print("  first difference:\n    " + "\n    ".join(list(diff)[:12]))
    print(f"  pages compared: {len(pages)}, all 200: "
          f"{all(status == 200 for status, _ in before.values())}, different: {different or 'none'}")  # fmt: skip
    return not different and all(status == 200 for status, _ in after.values())


def _comparable(answer: tuple[int, str]) -> tuple[int, str]:
    """A page without what differs on every request or server (CSRF token, CSP nonce, port)."""
    status, body = answer
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    body = re.sub(r' nonce="[^"]+"', "", body)
    return status, re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1", body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "drills", nargs="*", default=["database-restart", "mail-down", "backup-restore"]
    )
    chosen = parser.parse_args().drills
    results = {}
    with ThrowawayPostgres() as postgres:
        environment = drill_environment(postgres)
        print(f"Throwaway PostgreSQL on 127.0.0.1:{PORT}; preparing {DATABASE} with the demo …")
        prepare_database(DATABASE, environment)
        drills = {
            "database-restart": lambda: drill_database_restart(postgres, environment),
            "mail-down": lambda: drill_mail_down(environment),
            "backup-restore": lambda: drill_backup_restore(postgres, environment),
        }
        for name in chosen:
            print(f"\nDrill {name}:")
            results[name] = drills[name]()
    print(f"\nSummary (gunicorn logs in {LOGS}):")
    for name, passed in results.items():
        print(f"  {name:<18} {'passed' if passed else 'FAILED'}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
