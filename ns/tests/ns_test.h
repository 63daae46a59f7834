/* ns_test.h - the NS regression tests' harness: each case prints one line
 *   TEST <suite>.<case> PASS|FAIL
 * and the run ends with "SUMMARY <passed> passed, <failed> failed" and exit status 0
 * only if nothing failed. The host side (tests/firmware) checks both. */
#ifndef NS_TEST_H
#define NS_TEST_H

#include <stdint.h>

typedef struct {
    const char *name;
    int (*fn)(void); /* returns 0 on success, else the failing check's line */
} ns_test_case_t;

#define NS_CHECK(cond)                                                         \
    do {                                                                       \
        if (!(cond)) {                                                         \
            ns_test_note(__LINE__, #cond);                                     \
            return __LINE__;                                                   \
        }                                                                      \
    } while (0)

void ns_test_note(int line, const char *what);
int ns_test_run(const char *suite, const ns_test_case_t *cases, unsigned n);

#endif
