/* test_cbor.c - rp_cbor against the encodings of RFC 8949 Appendix A (preferred
 * serialisation), the claim keys of FORMATS.md 3.2, and the overflow/counting contract. */
#include <stdint.h>
#include <string.h>

#include "rp_cbor.h"
#include "rp_test.h"

/* Converts hex to bytes; returns the length. */
static size_t unhex(const char *h, uint8_t *out)
{
    size_t n = 0;
    for (; h[0] && h[1]; h += 2) {
        unsigned v = 0;
        for (int i = 0; i < 2; i++) {
            char c = h[i];
            v = v * 16u + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
        }
        out[n++] = (uint8_t)v;
    }
    return n;
}

/* An encoding checked three ways: the bytes, a counting encoder's length, and a buffer
 * one byte short (refused, nothing past the buffer touched). */
#define EXPECT(hex, stmt)                                                         \
    do {                                                                          \
        uint8_t want[64], buf[64 + 1];                                            \
        size_t n = unhex(hex, want);                                              \
        struct rp_cbor c, *e = &c;                                                \
        rp_cbor_init(e, buf, sizeof buf - 1);                                     \
        stmt;                                                                     \
        RP_CHECK(rp_cbor_ok(e));                                                  \
        RP_CHECK_EQ(e->len, n);                                                   \
        RP_CHECK_MEM(buf, want, n);                                               \
        rp_cbor_init(e, NULL, 0);                                                 \
        stmt;                                                                     \
        RP_CHECK(rp_cbor_ok(e) && e->len == n);                                   \
        memset(buf, 0x5a, sizeof buf);                                            \
        rp_cbor_init(e, buf, n - 1);                                              \
        stmt;                                                                     \
        RP_CHECK(!rp_cbor_ok(e) && e->len == n && buf[n - 1] == 0x5a);            \
    } while (0)

int main(void)
{
    /* RFC 8949 Appendix A */
    EXPECT("00", rp_cbor_int(e, 0));
    EXPECT("17", rp_cbor_int(e, 23));
    EXPECT("1818", rp_cbor_int(e, 24));
    EXPECT("1864", rp_cbor_int(e, 100));
    EXPECT("1903e8", rp_cbor_int(e, 1000));
    EXPECT("1a000f4240", rp_cbor_int(e, 1000000));
    EXPECT("1b000000e8d4a51000", rp_cbor_int(e, 1000000000000));
    EXPECT("1bffffffffffffffff", rp_cbor_head(e, RP_CBOR_UINT, UINT64_MAX));
    EXPECT("3bffffffffffffffff", rp_cbor_head(e, RP_CBOR_NINT, UINT64_MAX));
    EXPECT("20", rp_cbor_int(e, -1));
    EXPECT("29", rp_cbor_int(e, -10));
    EXPECT("3863", rp_cbor_int(e, -100));
    EXPECT("3903e7", rp_cbor_int(e, -1000));
    EXPECT("3b7fffffffffffffff", rp_cbor_int(e, INT64_MIN));
    EXPECT("40", rp_cbor_bstr(e, NULL, 0));
    EXPECT("4401020304", rp_cbor_bstr(e, (const uint8_t *)"\x01\x02\x03\x04", 4));
    EXPECT("60", rp_cbor_tstr(e, "", 0));
    EXPECT("6449455446", rp_cbor_tstr(e, "IETF", 4));
    EXPECT("80", rp_cbor_head(e, RP_CBOR_ARRAY, 0));
    EXPECT("83010203", (rp_cbor_head(e, RP_CBOR_ARRAY, 3), rp_cbor_int(e, 1),
                        rp_cbor_int(e, 2), rp_cbor_int(e, 3)));
    EXPECT("a0", rp_cbor_head(e, RP_CBOR_MAP, 0));
    EXPECT("a201020304", (rp_cbor_head(e, RP_CBOR_MAP, 2), rp_cbor_int(e, 1), rp_cbor_int(e, 2),
                          rp_cbor_int(e, 3), rp_cbor_int(e, 4)));
    EXPECT("c11a514b67b0", (rp_cbor_head(e, RP_CBOR_TAG, 1), rp_cbor_int(e, 1363896240)));
    /* FORMATS.md 3.2 / 3.3: a claim key, the COSE_Sign1 tag, a 2-byte bstr head */
    EXPECT("3a000124f7", rp_cbor_int(e, -75000));
    EXPECT("d2", rp_cbor_head(e, RP_CBOR_TAG, 18));
    EXPECT("590100", rp_cbor_head(e, RP_CBOR_BSTR, 256));
    EXPECT("a10126", (rp_cbor_head(e, RP_CBOR_MAP, 1), rp_cbor_int(e, 1), rp_cbor_int(e, -7)));

    /* After an overflow nothing more is written, even an item that would fit. */
    uint8_t buf[4];
    struct rp_cbor c;
    memset(buf, 0x5a, sizeof buf);
    rp_cbor_init(&c, buf, sizeof buf);
    rp_cbor_bstr(&c, (const uint8_t *)"abcdef", 6);
    rp_cbor_int(&c, 1);
    RP_CHECK(!rp_cbor_ok(&c) && c.len == 8);
    RP_CHECK(buf[0] == 0x46 && buf[1] == 0x5a);
    return rp_test_end("attest_cbor");
}
