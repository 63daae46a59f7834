/* ns_test_host.c - ns/tests/ns_test.h on the host, so that the NS regression suites run
 * unchanged against the host library. Same output format as the firmware harness. */
#include <stdio.h>
#include "ns_test.h"

void ns_test_note(int line, const char *what)
{
    printf("  check failed at line %d: %s\n", line, what);
}

int ns_test_run(const char *suite, const ns_test_case_t *cases, unsigned n)
{
    unsigned passed = 0;
    for (unsigned i = 0; i < n; i++) {
        int r = cases[i].fn();
        printf("TEST %s.%s %s\n", suite, cases[i].name, r == 0 ? "PASS" : "FAIL");
        passed += r == 0;
    }
    printf("SUMMARY %u passed, %u failed\n", passed, n - passed);
    return passed == n ? 0 : 1;
}
