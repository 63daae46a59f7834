/* fuzz_iovec.c - rp_iovec_check against a reference model written another way.
 *
 * Built two ways: with clang -fsanitize=fuzzer -DRP_LIBFUZZER (libFuzzer drives
 * LLVMFuzzerTestOneInput), or with any compiler and the main() below, which feeds
 * pseudo-random inputs:  fuzz_iovec <iterations> [seed].
 * Either way a disagreement, or a call of the access callback outside its contract (len 0,
 * a wrapping range), aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rp_spm_core.h"

#define MAX_VEC 6 /* more than PSA_MAX_IOVEC, so the count rule is exercised */
#define MAX_REGIONS 3

typedef struct {
    uintptr_t base;
    size_t len;
    int writable;
} region_t;

typedef struct {
    region_t r[MAX_REGIONS];
    size_t n;
} regions_t;

/* Input bytes, consumed front to back; zeros once they run out. */
typedef struct {
    const uint8_t *p;
    size_t n;
} bytes_t;

static uint8_t take(bytes_t *b)
{
    uint8_t v = 0;
    if (b->n > 0u) {
        v = *b->p++;
        b->n--;
    }
    return v;
}

/* Addresses and lengths clustered where the rules have edges: near 0, inside a small
 * window where the regions live, and at the top of the address space. */
static uintptr_t pick_addr(bytes_t *b)
{
    uint8_t k = take(b), v = take(b);
    switch (k & 3u) {
    case 0: return (uintptr_t)v;
    case 1: return (uintptr_t)0x1000u + (uintptr_t)v * 4u;
    case 2: return UINTPTR_MAX - (uintptr_t)v;
    default: return (uintptr_t)0x1000u + (uintptr_t)v;
    }
}

static size_t pick_len(bytes_t *b)
{
    uint8_t k = take(b), v = take(b);
    switch (k & 3u) {
    case 0: return (size_t)(v & 7u);
    case 1: return (size_t)v * 4u;
    case 2: return SIZE_MAX - (size_t)v;
    default: return (size_t)v;
    }
}

static int host_access(void *ctx, const void *p, size_t len, int write)
{
    const regions_t *rs = ctx;
    uintptr_t a = (uintptr_t)p;
    size_t i;

    if (len == 0u || a + (len - 1u) < a) {
        fprintf(stderr, "access callback called outside its contract\n");
        abort();
    }
    for (i = 0; i < rs->n; i++) {
        const region_t *r = &rs->r[i];
        if (a >= r->base && a - r->base < r->len && len <= r->len - (a - r->base)) {
            return !write || r->writable;
        }
    }
    return 0;
}

/* ---- the reference model: same rules (docs/manifest.md), other formulations ---------- */

/* Does [base, base+len) pass the end of the address space? end == 0 means it ends exactly
 * at the top, which is allowed. */
static int ref_wraps(uintptr_t base, size_t len)
{
    uintptr_t end = base + (uintptr_t)len;
    return end != 0u && end < base;
}

/* Modular distance test: b starts inside a, or a starts inside b. */
static int ref_overlap(uintptr_t a, size_t alen, uintptr_t b, size_t blen)
{
    return (uintptr_t)(b - a) < alen || (uintptr_t)(a - b) < blen;
}

static int ref_vec(const void *base, size_t len, int write, regions_t *rs)
{
    if (len == 0u) {
        return RP_IOVEC_OK;
    }
    if ((uintptr_t)base == 0u) {
        return RP_IOVEC_NULL;
    }
    if (ref_wraps((uintptr_t)base, len)) {
        return RP_IOVEC_WRAP;
    }
    return host_access(rs, base, len, write) ? RP_IOVEC_OK : RP_IOVEC_ACCESS;
}

static int ref_check(const psa_invec *in, size_t in_len, const psa_outvec *out,
                     size_t out_len, regions_t *rs)
{
    size_t i, j, total = 0;
    int r;

    for (i = 0; i < in_len; i++) {
        total++;
    }
    for (i = 0; i < out_len; i++) {
        total++;
    }
    if (total > 4u) {
        return RP_IOVEC_TOO_MANY;
    }
    for (i = 0; i < in_len + out_len; i++) {
        r = i < in_len ? ref_vec(in[i].base, in[i].len, 0, rs)
                       : ref_vec(out[i - in_len].base, out[i - in_len].len, 1, rs);
        if (r != RP_IOVEC_OK) {
            return r;
        }
    }
    for (i = 0; i < out_len; i++) {
        for (j = 0; j < out_len; j++) {
            if (i != j && out[i].len && out[j].len &&
                ref_overlap((uintptr_t)out[i].base, out[i].len, (uintptr_t)out[j].base,
                            out[j].len)) {
                return RP_IOVEC_OVERLAP;
            }
        }
    }
    return RP_IOVEC_OK;
}

/* How often each RP_IOVEC_* outcome was seen: the random driver checks it reached them all. */
static unsigned long seen[RP_IOVEC_OVERLAP + 1];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bytes_t b = {data, size};
    psa_invec in[MAX_VEC];
    psa_outvec out[MAX_VEC];
    regions_t rs;
    size_t i, in_len, out_len;
    uint8_t counts = take(&b);
    int got, want;

    in_len = (size_t)(counts & 7u) % (MAX_VEC + 1u);
    out_len = (size_t)(counts >> 4) % (MAX_VEC + 1u);
    rs.n = (size_t)take(&b) % (MAX_REGIONS + 1u);
    for (i = 0; i < rs.n; i++) {
        rs.r[i].base = pick_addr(&b);
        rs.r[i].len = pick_len(&b);
        rs.r[i].writable = take(&b) & 1u;
        if (i == 0u && (rs.r[0].writable & 1)) {
            /* Often one big writable window, so that valid out_vecs (and their overlaps,
             * down to a single shared byte) are common. */
            rs.r[0].base = 0x1000u;
            rs.r[0].len = 0x500u;
        }
    }
    for (i = 0; i < MAX_VEC; i++) {
        in[i].base = (const void *)pick_addr(&b);
        in[i].len = pick_len(&b);
        out[i].base = (void *)pick_addr(&b);
        out[i].len = pick_len(&b);
    }
    got = rp_iovec_check(in, in_len, out, out_len, host_access, &rs);
    want = ref_check(in, in_len, out, out_len, &rs);
    if (got != want) {
        fprintf(stderr, "rp_iovec_check %d, reference %d (in_len %zu out_len %zu)\n", got,
                want, in_len, out_len);
        abort();
    }
    if (got >= 0 && got <= RP_IOVEC_OVERLAP) {
        seen[got]++;
    }
    return 0;
}

#ifndef RP_LIBFUZZER
/* xorshift64: a fixed, seedable stream so a failure can be replayed from its seed. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

int main(int argc, char **argv)
{
    unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000ul, it;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x5eed5eedull;
    uint8_t buf[160];
    size_t i;
    int r, missing = 0;

    for (it = 0; it < n; it++) {
        for (i = 0; i < sizeof(buf); i++) {
            buf[i] = (uint8_t)next(&seed);
        }
        if ((it & 1u) != 0u) {
            buf[0] &= 0x33u; /* half the inputs: counts within PSA_MAX_IOVEC more often */
        }
        LLVMFuzzerTestOneInput(buf, (size_t)(next(&seed) % sizeof(buf)) + 1u);
    }
    printf("fuzz_iovec: %lu inputs, no disagreement; outcomes", n);
    for (r = 0; r <= RP_IOVEC_OVERLAP; r++) {
        printf(" %d:%lu", r, seen[r]);
        missing += seen[r] == 0u;
    }
    printf("\n");
    /* A run that never reached some outcome tested less than it claims. */
    return n >= 10000ul && missing ? 1 : 0;
}
#endif
