/* t2_check.c - the Thumb-2 routines of the symmetric code (crypto/src/rp_..._m33.S) on
 * QEMU's AN521:
 *  - the AES S-box against an S-box computed here from its definition (FIPS 197 5.1.1:
 *    inverse in GF(2^8), then the affine map), all 256 inputs in every bit position;
 *  - AES-128/192/256 on it against FIPS 197 Appendix C, and against the portable C
 *    (rp_aes.c built without RP_SYM_T2, its symbols renamed ref_*) on random keys/blocks;
 *  - SHA-256 on the assembly compression against FIPS 180-4's examples and against the
 *    portable C on random messages of 0..300 bytes fed in random pieces.
 * Exit 0 (semihosting) when everything matches. */
#include <stdint.h>
#include <string.h>
#include "rp_aes.h"
#include "rp_sha2.h"

void rp_aes_sbox_t2(uint32_t q[8]);
/* the portable C, same sources compiled without RP_SYM_T2, symbols renamed */
int ref_rp_aes_setkey(rp_aes_ctx *ctx, const uint8_t *key, size_t key_len);
void ref_rp_aes_encrypt2(const rp_aes_ctx *ctx, const uint8_t in0[16], const uint8_t in1[16],
                         uint8_t out0[16], uint8_t out1[16]);
void ref_rp_aes_decrypt2(const rp_aes_ctx *ctx, const uint8_t in0[16], const uint8_t in1[16],
                         uint8_t out0[16], uint8_t out1[16]);
void ref_rp_sha256(const uint8_t *in, size_t n, uint8_t out[32]);

extern uint32_t _etext, _sdata, _edata, _sbss, _ebss, _estack;
int main(void);
void bench_reset(void);

__attribute__((section(".vectors"), used))
static const void *const vectors[2] = { &_estack, (const void *)bench_reset };

static int semihost(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void bench_reset(void)
{
    uint32_t *s = &_etext, *d = &_sdata;

    while (d < &_edata)
        *d++ = *s++;
    for (d = &_sbss; d < &_ebss; d++)
        *d = 0;
    /* SYS_EXIT: ApplicationExit (QEMU exits 0) or RunTimeErrorUnknown (exits 1) */
    semihost(0x18, (const void *)(uintptr_t)(main() == 0 ? 0x20026 : 0x20024));
    for (;;) {}
}

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        semihost(0x04, what);
        semihost(0x04, ": FAILED\n");
        failures++;
    }
}

static uint8_t gmul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;

    while (b) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ (a & 0x80 ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

/* FIPS 197 5.1.1, straight from the definition (test only: not constant time). */
static uint8_t sbox_ref(uint8_t x)
{
    uint8_t y = 0, s;
    unsigned c;

    for (c = 1; c < 256 && x; c++)
        if (gmul(x, (uint8_t)c) == 1)
            y = (uint8_t)c;
    s = y;
    for (c = 1; c < 5; c++)
        s ^= (uint8_t)(y << c | y >> (8 - c));
    return s ^ 0x63;
}

static void check_sbox(void)
{
    uint32_t q[8];
    unsigned base, p, i, bad = 0;

    for (base = 0; base < 256; base += 32) {      /* bit position p holds base + p */
        memset(q, 0, sizeof q);
        for (p = 0; p < 32; p++)
            for (i = 0; i < 8; i++)
                q[i] |= (uint32_t)((base + p) >> i & 1) << p;
        rp_aes_sbox_t2(q);
        for (p = 0; p < 32; p++) {
            uint8_t want = sbox_ref((uint8_t)(base + p)), got = 0;
            for (i = 0; i < 8; i++)
                got |= (uint8_t)((q[i] >> p & 1) << i);
            bad |= got ^ want;
        }
    }
    check(bad == 0, "S-box, all 256 inputs in every bit position");
}

static unsigned hexval(char c)
{
    return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
}

static void check_fips197(size_t key_len, const char *ct_hex, const char *what)
{
    uint8_t key[32], pt[16], ct[16], out[16], out2[16], back[16], back2[16];
    rp_aes_ctx a;
    unsigned i;

    for (i = 0; i < 32; i++)
        key[i] = (uint8_t)i;                      /* 000102...: Appendix C keys */
    for (i = 0; i < 16; i++) {
        pt[i] = (uint8_t)(0x11 * i);              /* 00112233...ff */
        ct[i] = (uint8_t)(hexval(ct_hex[2 * i]) << 4 | hexval(ct_hex[2 * i + 1]));
    }
    check(rp_aes_setkey(&a, key, key_len) == 0, what);
    rp_aes_encrypt(&a, pt, out);
    check(memcmp(out, ct, 16) == 0, what);
    rp_aes_decrypt(&a, ct, back);
    check(memcmp(back, pt, 16) == 0, what);
    rp_aes_encrypt2(&a, ct, pt, out2, out);       /* two different blocks in one pass */
    check(memcmp(out, ct, 16) == 0, what);
    rp_aes_decrypt2(&a, out2, ct, back2, back);
    check(memcmp(back, pt, 16) == 0 && memcmp(back2, ct, 16) == 0, what);
}

static uint32_t rng = 0x2545f491u;

static uint8_t rnd8(void)
{
    rng ^= rng << 13;                               /* xorshift32: test data only */
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return (uint8_t)rng;
}

static void fill(uint8_t *p, size_t n)
{
    while (n--)
        *p++ = rnd8();
}

/* The assembly-backed AES against the portable C: the same round keys (the context is
 * plain data) and the same outputs, both directions, all key sizes. */
static void check_aes_vs_c(void)
{
    static const size_t key_lens[3] = { 16, 24, 32 };
    uint8_t key[32], in[32], a[32], b[32];
    rp_aes_ctx ct2, cref;
    unsigned i, r;
    int ok = 1;

    for (i = 0; i < 60; i++) {
        fill(key, sizeof key);
        fill(in, sizeof in);
        memset(&ct2, 0, sizeof ct2);                /* AES-128/192 leave sk[] partly unused */
        memset(&cref, 0, sizeof cref);
        rp_aes_setkey(&ct2, key, key_lens[i % 3]);
        ref_rp_aes_setkey(&cref, key, key_lens[i % 3]);
        for (r = 1; r <= cref.rounds; r++) {   /* keys 1..Nr carry the S-box constant */
            cref.sk[8 * r] ^= ~0u; cref.sk[8 * r + 1] ^= ~0u;
            cref.sk[8 * r + 5] ^= ~0u; cref.sk[8 * r + 6] ^= ~0u;
        }
        ok &= memcmp(&ct2, &cref, sizeof ct2) == 0;
        ref_rp_aes_setkey(&cref, key, key_lens[i % 3]);
        rp_aes_encrypt2(&ct2, in, in + 16, a, a + 16);
        ref_rp_aes_encrypt2(&cref, in, in + 16, b, b + 16);
        ok &= memcmp(a, b, 32) == 0;
        rp_aes_decrypt2(&ct2, in, in + 16, a, a + 16);
        ref_rp_aes_decrypt2(&cref, in, in + 16, b, b + 16);
        ok &= memcmp(a, b, 32) == 0;
    }
    check(ok, "AES, assembly S-box against the portable C");
}

static void check_sha256(void)
{
    static const uint8_t abc_md[32] = {     /* FIPS 180-4 example: SHA-256("abc") */
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae,
        0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61,
        0xf2, 0x00, 0x15, 0xad };
    static const uint8_t two_md[32] = {     /* the 448-bit "abcdbcde...nopq" example */
        0x24, 0x8d, 0x6a, 0x61, 0xd2, 0x06, 0x38, 0xb8, 0xe5, 0xc0, 0x26, 0x93, 0x0c, 0x3e,
        0x60, 0x39, 0xa3, 0x3c, 0xe4, 0x59, 0x64, 0xff, 0x21, 0x67, 0xf6, 0xec, 0xed, 0xd4,
        0x19, 0xdb, 0x06, 0xc1 };
    static const char two[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    uint8_t msg[301], md[32], ref[32];
    rp_sha256_ctx c;
    unsigned i;
    size_t n, off, piece;
    int ok = 1;

    rp_sha256((const uint8_t *)"abc", 3, md);
    check(memcmp(md, abc_md, 32) == 0, "SHA-256 FIPS 180-4 \"abc\"");
    rp_sha256((const uint8_t *)two, sizeof two - 1, md);
    check(memcmp(md, two_md, 32) == 0, "SHA-256 FIPS 180-4 two-block message");
    for (i = 0; i < 200; i++) {
        n = (size_t)(rnd8() | (rnd8() & 1) << 8) % 301;
        fill(msg, n);
        rp_sha256_init(&c);
        for (off = 0; off < n; off += piece) {      /* random pieces, incl. several blocks */
            piece = (size_t)rnd8() % (n - off + 1);
            rp_sha256_update(&c, msg + off, piece);
        }
        rp_sha256_final(&c, md);
        ref_rp_sha256(msg, n, ref);
        ok &= memcmp(md, ref, 32) == 0;
    }
    check(ok, "SHA-256, assembly compression against the portable C");
}

int main(void)
{
    check_sbox();
    check_aes_vs_c();
    check_sha256();
    check_fips197(16, "69c4e0d86a7b0430d8cdb78070b4c55a", "FIPS 197 C.1 AES-128");
    check_fips197(24, "dda97ca4864cdfe06eaf70a0ec0d7191", "FIPS 197 C.2 AES-192");
    check_fips197(32, "8ea2b7ca516745bfeafc49904b496089", "FIPS 197 C.3 AES-256");
    semihost(0x04, failures ? "t2_check: FAILED\n" : "t2_check: all checks passed\n");
    return failures != 0;
}
