"""`make loadtest`: the portal under load on this machine, with a summary table.

gunicorn with production settings (DEBUG=false, whitenoise serving static files, the project's
gunicorn.conf.py) in its own database (talentportal_load) with the demo plus synthetic data,
loaded by locust, headless, on the loopback and bounded in time, in three phases:

  mix      20 users (anonymous search, posting and company pages; signed-in talents and
           recruiters on their matching pages), each waiting 0.5–1.5 s between pages
  search   20 users on the search page without pause: its throughput
  trivial  20 users on /healthz without pause: the ceiling of this server on this machine
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from ops.common import BIN, PROJECT, gunicorn, manage, prepare_database, production_environment

DATABASE = "talentportal_load"
PORT = 8123
TARGET_P95_MS = 250
TARGET_RATIO = 0.25


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60, help="length of the mix phase")
    parser.add_argument("--ceiling-seconds", type=int, default=30, help="search and trivial")
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--talents", type=int, default=100_000)
    options = parser.parse_args()

    environment = production_environment(DATABASE)
    print(f"Preparing {DATABASE} (demo, {options.postings} postings, {options.talents} talents) …")
    prepare_database(DATABASE, environment)
    work = Path(tempfile.mkdtemp(prefix="talentportal-loadtest-"))
    plan = work / "plan.json"
    manage(
        "prepare_loadtest",
        f"--postings={options.postings}",
        f"--talents={options.talents}",
        f"--plan={plan}",
        environment=environment,
        quiet=False,
    )
    phases = {
        "mix": (["AnonymousVisitor", "SignedInTalent", "SignedInRecruiter"], options.seconds),
        "search": (["SearchOnly"], options.ceiling_seconds),
        "trivial": (["TrivialView"], options.ceiling_seconds),
    }
    rows: dict[str, list[dict[str, str]]] = {}
    with gunicorn(environment, PORT, work / "gunicorn.log") as base_url:
        print(f"gunicorn (production settings) on {base_url}; log in {work / 'gunicorn.log'}")
        _locust(["AnonymousVisitor"], 10, base_url, work / "warmup", plan, options.users)
        for phase, (classes, seconds) in phases.items():
            print(f"Phase {phase}: {options.users} users, {seconds} s …", flush=True)
            rows[phase] = _locust(classes, seconds, base_url, work / phase, plan, options.users)
    return _report(rows, options.users, work)


def _locust(
    classes: list[str], seconds: int, base_url: str, prefix: Path, plan: Path, users: int
) -> list[dict[str, str]]:
    subprocess.run(  # noqa: S603 – locust from our virtualenv
        [
            str(BIN / "locust"),
            "-f",
            str(PROJECT / "ops" / "loadtest" / "locustfile.py"),
            "--headless",
            "--only-summary",
            "--loglevel=WARNING",
            f"--users={users}",
            f"--spawn-rate={users}",
            f"--run-time={seconds}s",
            f"--host={base_url}",
            f"--csv={prefix}",
            *classes,
        ],
        env={**__import__("os").environ, "LOADTEST_PLAN": str(plan)},
        check=False,  # locust exits 1 when a request failed; the table reports it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with Path(f"{prefix}_stats.csv").open() as stats:
        return list(csv.DictReader(stats))


def _report(rows: dict[str, list[dict[str, str]]], users: int, work: Path) -> int:
    lines = [
        f"{'phase / page':<34} {'requests':>9} {'errors':>7} {'req/s':>8} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    ]
    for phase, entries in rows.items():
        for entry in entries:
            name = "all" if entry["Name"] == "Aggregated" else entry["Name"]
            lines.append(
                f"{phase + ': ' + name:<34} {entry['Request Count']:>9} "
                f"{entry['Failure Count']:>7} {float(entry['Requests/s']):>8.1f} "
                f"{entry['50%']:>7} {entry['95%']:>7} {entry['99%']:>7}"
            )
    total = {phase: _aggregated(entries) for phase, entries in rows.items()}
    errors = sum(int(entry["Failure Count"]) for entry in total.values())
    p95 = float(total["mix"]["95%"])
    search, trivial = float(total["search"]["Requests/s"]), float(total["trivial"]["Requests/s"])
    ratio = search / trivial if trivial else 0.0
    verdict = {True: "met", False: "MISSED"}
    lines += [
        "",
        f"errors in all phases: {errors} (target 0: {verdict[errors == 0]})",
        f"mix p95 at {users} users: {p95:.0f} ms (target < {TARGET_P95_MS}: "
        f"{verdict[p95 < TARGET_P95_MS]})",
        f"search {search:.1f} req/s vs trivial view (ceiling) {trivial:.1f} req/s: {ratio:.0%} "
        f"(target ≥ {TARGET_RATIO:.0%}: {verdict[ratio >= TARGET_RATIO]})",
    ]
    summary = "\n".join(lines)
    print("\n" + summary)
    (work / "summary.txt").write_text(summary + "\n")
    print(f"\n(locust CSVs and this summary in {work})")
    return 1 if errors else 0


def _aggregated(entries: list[dict[str, str]]) -> dict[str, str]:
    return next(entry for entry in entries if entry["Name"] == "Aggregated")


if __name__ == "__main__":
    sys.exit(main())
