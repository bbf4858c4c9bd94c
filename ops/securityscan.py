"""`make securityscan`: sqlmap and wapiti against the portal on this machine, bounded in time.

Both scanners are installed (pinned) into a virtualenv of their own, .venv-scan/, so that they
never mix with the portal's dependencies. The target is gunicorn with production settings on
https://127.0.0.1:8127 (a throwaway self-signed certificate: production cookies are Secure, so
the scanners must speak HTTPS to keep them), in its own database (talentportal_scan) with the
demo data. Nothing leaves the loopback.

  sqlmap   the search and directory filters (every GET parameter), a posting page, and the
           forms it finds on the public pages (sign-in, sign-up, password reset, reports,
           barrier feedback) with fresh CSRF tokens; level 3, risk 2, every technique but
           stacked queries, PostgreSQL
  wapiti   crawls the public site and attacks every link and form with its modules (SQL and
           blind SQL injection, XSS and stored XSS, command execution, file handling, open
           redirects, CRLF, SSRF, XXE, CSP, HTTP headers, cookie flags …)

Prints what each tried and every finding; exit status 1 if there is any finding.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ops.common import PROJECT, gunicorn, prepare_database, production_environment

DATABASE = "talentportal_scan"
PORT = 8127
SCAN_VENV = PROJECT / ".venv-scan"
SCANNERS = ["sqlmap==1.10.10", "wapiti3==3.2.3"]
# Every attack module that stays on the loopback: not ssrf, xxe or log4shell (they call wapiti's
# servers on the internet), not the fingerprinting ones (nikto, wapp, cms: databases from the
# internet), not brute_login_form (it would only meet the rate limit), not ssl (the proxy's job).
WAPITI_MODULES = [
    "sql", "timesql", "xss", "permanentxss", "exec", "file", "redirect", "crlf", "ldap",
    "upload", "csrf", "methods", "backup", "htaccess", "shellshock", "spring4shell", "csp",
    "http_headers", "cookieflags",
]  # fmt: skip


def install_scanners() -> None:
    if not (SCAN_VENV / "bin" / "wapiti").exists() or not (SCAN_VENV / "bin" / "sqlmap").exists():
        print("Installing sqlmap and wapiti into .venv-scan/ …")
        subprocess.run([sys.executable, "-m", "venv", str(SCAN_VENV)], check=True)
        subprocess.run(
            [str(SCAN_VENV / "bin" / "pip"), "install", "--quiet", *SCANNERS], check=True
        )


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "localhost.crt", folder / "localhost.key"
    subprocess.run(
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    return certificate, key


def run_sqlmap(base_url: str, work: Path, seconds: int) -> dict[str, Any]:
    targets = [
        f"{base_url}/stellen/?q=Python&type=thesis&district=goerlitz&field=computer_science"
        "&language=en&near=dresden&sort=distance&page=1",
        f"{base_url}/unternehmen/?district=dresden&town=dresden&sector=C&size=small&hiring=on",
        f"{base_url}/stellen/1-x/",
        f"{base_url}/stellen/feed.atom?q=Python&type=thesis",
    ]
    common = [
        str(SCAN_VENV / "bin" / "sqlmap"), "--batch", "--dbms=PostgreSQL", "--level=3",
        "--risk=2", "--technique=BEUT", "--threads=2", "--timeout=10", "--retries=1",
        f"--referer={base_url}/", "--output-dir", str(work / "sqlmap"), "--disable-coloring",
    ]  # fmt: skip
    started = time.monotonic()
    logs = []
    for number, target in enumerate(targets):
        logs.append(
            _run([*common, "-u", target], seconds // (len(targets) + 1), work, f"sqlmap-{number}")
        )
    # The forms of the public pages, each with a fresh CSRF token from the page.
    logs.append(
        _run(
            [
                *common,
                "-u",
                f"{base_url}/accounts/login/",
                "--forms",
                "--crawl=2",
                "--csrf-token=csrfmiddlewaretoken",
                "--skip-static",
            ],
            seconds // (len(targets) + 1),
            work,
            "sqlmap-forms",
        )  # fmt: skip
    )
    output = "\n".join(logs)
    parameters = sorted(set(re.findall(r"testing if (?:GET|POST|URI) parameter '([^']+)'", output)))
    parameters += sorted(
        set(re.findall(r"(?:GET|POST|URI) parameter '([^']+)' does not seem", output))
    )
    injectable = re.findall(r"(?:GET|POST|URI) parameter '([^']+)' is '[^']+' injectable", output)
    injectable += re.findall(r"sqlmap identified the following injection point", output)
    return {
        "targets": targets + [f"{base_url}/accounts/login/ (forms, crawl depth 2)"],
        "parameters tested": sorted(set(parameters)),
        "payload requests": len(re.findall(r"testing '", output)),
        "findings": injectable,
        "seconds": round(time.monotonic() - started),
    }


def run_wapiti(base_url: str, work: Path, seconds: int) -> dict[str, Any]:
    report = work / "wapiti.json"
    started = time.monotonic()
    # A third of the time crawls, the rest attacks, shared by the modules; wapiti stops itself.
    crawl_seconds = max(60, seconds // 3)
    attack_seconds = max(10, (seconds - crawl_seconds) // len(WAPITI_MODULES))
    _run(
        [str(SCAN_VENV / "bin" / "wapiti"), "-u", f"{base_url}/", "--scope", "folder",
         "--flush-session", "-m", ",".join(WAPITI_MODULES), "--depth", "4",
         "--max-scan-time", str(crawl_seconds), "--max-attack-time", str(attack_seconds),
         "--max-links-per-page", "30", "--max-files-per-dir", "30", "--max-parameters", "12",
         "-f", "json", "-o", str(report), "--verify-ssl", "0", "--level", "2",
         "--store-session", str(work / "wapiti-session"),
         "--color", "-v", "1"],
        crawl_seconds + attack_seconds * len(WAPITI_MODULES) + 180,
        work,
        "wapiti",
    )  # fmt: skip
    data = json.loads(report.read_text()) if report.exists() else {}
    vulnerabilities = {
        category: entries
        for category, entries in data.get("vulnerabilities", {}).items()
        if entries
    }
    anomalies = {
        category: entries for category, entries in data.get("anomalies", {}).items() if entries
    }
    info = data.get("infos", {})
    return {
        "modules": WAPITI_MODULES,
        "categories checked": sorted(data.get("vulnerabilities", {}).keys()),
        "crawled": info.get("crawled_pages_nbr", len(info.get("crawled_pages", []))),
        "findings": {category: len(entries) for category, entries in vulnerabilities.items()},
        "finding details": [
            f"{category}: {entry.get('method')} {entry.get('path')} {entry.get('info', '')[:160]}"
            for category, entries in vulnerabilities.items()
            for entry in entries
        ],
        "anomalies": {category: len(entries) for category, entries in anomalies.items()},
        "additionals": {
            category: len(entries)
            for category, entries in data.get("additionals", {}).items()
            if entries
        },
        "seconds": round(time.monotonic() - started),
    }


def _run(command: list[str], seconds: int, work: Path, name: str) -> str:
    """Run a scanner for at most ``seconds``; its output is kept in work/<name>.log."""
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds, check=False, cwd=work
        )
        output = result.stdout + result.stderr
    except subprocess.TimeoutExpired as expired:
        partial = expired.stdout or b""
        output = (partial.decode() if isinstance(partial, bytes) else partial) + "\n[time is up]"
    (work / f"{name}.log").write_text(output)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=300, help="for each scanner")
    options = parser.parse_args()
    install_scanners()
    work = Path(tempfile.mkdtemp(prefix="talentportal-securityscan-"))
    environment = production_environment(DATABASE, LOG_LEVEL="ERROR")
    print(f"Preparing {DATABASE} with the demo …")
    prepare_database(DATABASE, environment)
    tls = self_signed_certificate(work)
    with gunicorn(environment, PORT, work / "gunicorn.log", tls=tls) as base_url:
        print(f"Scanning {base_url} (gunicorn, production settings; log in {work}) …")
        results = {
            "sqlmap": run_sqlmap(base_url, work, options.seconds),
            "wapiti": run_wapiti(base_url, work, options.seconds),
        }
    statuses = Counter(re.findall(r'" (\d{3}) ', (work / "gunicorn.log").read_text()))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\nServer answers during the scans: {dict(sorted(statuses.items()))}")
    findings = len(results["sqlmap"]["findings"]) + sum(results["wapiti"]["findings"].values())
    print(f"Findings: {findings} (sqlmap {len(results['sqlmap']['findings'])}, "
          f"wapiti {sum(results['wapiti']['findings'].values())}); reports in {work}")  # fmt: skip
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
