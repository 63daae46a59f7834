/* rp_test.h - the host tests' only harness: check macros, a failure count and a summary.
 *
 * Use:   RP_CHECK(cond);  RP_CHECK_EQ(a, b);  RP_CHECK_MEM(a, b, n);
 *        return rp_test_end("name");   -- prints "name: N checks, F failed", exits 0/1
 *        rp_test_skip("reason")        -- prints "SKIPPED: reason", exits 77 (CTest skip)
 */
#ifndef RP_TEST_H
#define RP_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long rp_test_checks, rp_test_failures;

#define RP_CHECK(cond)                                                        \
    do {                                                                      \
        rp_test_checks++;                                                     \
        if (!(cond)) {                                                        \
            rp_test_failures++;                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,  \
                    #cond);                                                   \
        }                                                                     \
    } while (0)

#define RP_CHECK_EQ(a, b)                                                     \
    do {                                                                      \
        long long rp_a_ = (long long)(a), rp_b_ = (long long)(b);             \
        rp_test_checks++;                                                     \
        if (rp_a_ != rp_b_) {                                                 \
            rp_test_failures++;                                               \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n",       \
                    __FILE__, __LINE__, #a, rp_a_, #b, rp_b_);                \
        }                                                                     \
    } while (0)

#define RP_CHECK_MEM(a, b, n) RP_CHECK(memcmp((a), (b), (n)) == 0)

static inline int rp_test_end(const char *name)
{
    printf("%s: %lu checks, %lu failed\n", name, rp_test_checks, rp_test_failures);
    return rp_test_failures == 0 && rp_test_checks > 0 ? 0 : 1;
}

static inline void rp_test_skip(const char *reason)
{
    printf("SKIPPED: %s\n", reason);
    exit(77);
}

#endif
