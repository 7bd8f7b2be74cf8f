import subprocess

from worker.tasks import build_report


def test_build_report_counts_rows():
    assert build_report.run(7) == 1


def test_pg_dump_is_on_the_ci_image():
    assert subprocess.run(["pg_dump", "--version"], check=False).returncode == 0
