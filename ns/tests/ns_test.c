/* ns_test.c - see ns_test.h. */
#include "ns_test.h"

#include "rp_print.h"

void ns_test_note(int line, const char *what)
{
    rp_printf("  check failed at line %d: %s\r\n", line, what);
}

int ns_test_run(const char *suite, const ns_test_case_t *cases, unsigned n)
{
    unsigned passed = 0;
    for (unsigned i = 0; i < n; i++) {
        int r = cases[i].fn();
        rp_printf("TEST %s.%s %s\r\n", suite, cases[i].name, r == 0 ? "PASS" : "FAIL");
        passed += r == 0;
    }
    rp_printf("SUMMARY %u passed, %u failed\r\n", passed, n - passed);
    return passed == n ? 0 : 1;
}
