#!/usr/bin/python3
"""Runs CTest in a build tree and prints a short report.

  run_tests.py <build dir> [ctest args...]

Prints the lines tests publish for the record (WYCHEPROOF, POWERCUT, KAT, DIFF, FUZZ,
CT, SKIPPED, and each firmware TEST ... FAIL), the output of failed tests, and ends with
"N passed, N failed" (skipped tests are listed but count as neither)."""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

PUBLISH = re.compile(r"^(WYCHEPROOF|POWERCUT|KAT|DIFF|FUZZ|CT|SKIPPED|TEST \S+ FAIL|SUMMARY)")


def main():
    build = sys.argv[1]
    junit = os.path.join(build, "ctest-results.xml")
    cmd = ["ctest", "--test-dir", build, "--output-junit", junit] + sys.argv[2:]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, check=False)
    try:
        cases = ET.parse(junit).getroot().iter("testcase")
    except (OSError, ET.ParseError) as e:
        print(f"run_tests: no CTest results ({e})")
        print("0 passed, 1 failed")
        return 1
    passed = failed = skipped = 0
    for case in cases:
        name, status = case.get("name"), case.get("status")
        out = case.findtext("system-out") or ""
        lines = [l.rstrip("\r") for l in out.splitlines()]
        if status == "run":
            passed += 1
            mark = "PASS"
        elif status in ("notrun", "disabled") and case.find("skipped") is not None:
            skipped += 1
            mark = "SKIP"
        else:
            failed += 1
            mark = "FAIL"
        print(f"{mark:4} {name}")
        shown = lines if mark == "FAIL" else [l for l in lines if PUBLISH.match(l)]
        for l in shown[-60:]:
            print(f"       {l}")
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
