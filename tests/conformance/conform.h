/* conform.h - the conformance tests' one check: EXPECT(a, b) holds at compile time (a
 * bit-field of negative width does not compile, and a non-constant width is an error too,
 * so every EXPECT is an integer constant expression) and is counted at run time in
 * rp_test.h's totals, printing both values when they differ. C99, -pedantic clean.
 * The expected values are the specifications' (each group cites its section). */
#ifndef CONFORM_H
#define CONFORM_H

#include "rp_test.h"

#define EXPECT(a, b)                                                          \
    do {                                                                      \
        long long conform_a_ = (long long)(a), conform_b_ = (long long)(b);   \
        (void)sizeof(struct { int conform_ : ((a) == (b)) ? 1 : -1; });       \
        rp_test_checks++;                                                     \
        if (conform_a_ != conform_b_) {                                       \
            rp_test_failures++;                                               \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__,   \
                    __LINE__, #a, conform_a_, conform_b_);                    \
        }                                                                     \
    } while (0)

/* A scalar type's width in bytes and its signedness ((T)-1 is negative for a signed T). */
#define EXPECT_UNSIGNED(T, bytes)                                             \
    do {                                                                      \
        EXPECT(sizeof(T), (bytes));                                           \
        EXPECT((T)-1 > 0, 1);                                                 \
    } while (0)
#define EXPECT_SIGNED(T, bytes)                                               \
    do {                                                                      \
        EXPECT(sizeof(T), (bytes));                                           \
        EXPECT((T)-1 < 0, 1);                                                 \
    } while (0)

#endif
