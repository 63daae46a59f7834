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
void rp_sha256_blocks_t2(uint32_t st[8], const uint8_t *p, size_t n, uint32_t w[64],
                         const uint64_t *k512);

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

/* The compression leaves its schedule (which held the message) all zero. */
static void check_sha256_wipe(void)
{
    static const uint64_t k[64]; /* any constants will do: only the wipe is checked */
    uint32_t st[8] = { 0 }, w[64];
    uint8_t blocks[128];
    int zero = 1;

    fill(blocks, sizeof blocks);
    memset(w, 0xA5, sizeof w);
    rp_sha256_blocks_t2(st, blocks, 2, w, k);
    for (unsigned i = 0; i < 64; i++)
        zero &= w[i] == 0;
    check(zero, "SHA-256 assembly wipes its schedule");
}

static void unhex(uint8_t *out, const char *hex)
{
    while (hex[0] && hex[1]) {
        *out++ = (uint8_t)(hexval(hex[0]) << 4 | hexval(hex[1]));
        hex += 2;
    }
}

/* One SP 800-38A F.* case through rp_cipher_crypt (AES-128): the 64-byte message runs
 * two blocks per pass wherever the mode allows it. */
static void mode_kat(rp_aes_mode mode, int decrypt, const char *iv_hex, const char *ct_hex,
                     const char *what)
{
    static const char pt_hex[] =
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
        "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    uint8_t key[16], iv[16], pt[64], ct[64], out[80];
    size_t n = 0;

    unhex(key, "2b7e151628aed2a6abf7158809cf4f3c");
    unhex(iv, iv_hex);
    unhex(pt, pt_hex);
    unhex(ct, ct_hex);
    check(rp_cipher_crypt(mode, decrypt, key, 16, iv, iv_hex[0] ? 16 : 0,
                          decrypt ? ct : pt, 64, out, sizeof out, &n) == 0 && n == 64
          && memcmp(out, decrypt ? pt : ct, 64) == 0, what);
}

/* The modes on the assembly AES (SP 800-38A, McGrew-Viega GCM test cases 2 and 3) and
 * SHA-256 of a long message (FIPS 180-4 example: one million 'a'). */
static void check_modes_and_long_hash(void)
{
    static const char iv_cbc[] = "000102030405060708090a0b0c0d0e0f";
    static const char ecb[] =
        "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
        "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4";
    static const char cbc[] =
        "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
        "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7";
    static const char ctr[] =
        "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
        "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee";
    uint8_t key[16] = { 0 }, iv[12] = { 0 }, zero[16] = { 0 }, c[64], t[16], want[64];
    uint8_t p3[64], a[1024], md[32];
    rp_sha256_ctx h;
    unsigned i;

    mode_kat(RP_AES_ECB, 0, "", ecb, "SP 800-38A F.1.1 ECB-AES128 encrypt");
    mode_kat(RP_AES_ECB, 1, "", ecb, "SP 800-38A F.1.2 ECB-AES128 decrypt");
    mode_kat(RP_AES_CBC, 0, iv_cbc, cbc, "SP 800-38A F.2.1 CBC-AES128 encrypt");
    mode_kat(RP_AES_CBC, 1, iv_cbc, cbc, "SP 800-38A F.2.2 CBC-AES128 decrypt");
    mode_kat(RP_AES_CTR, 0, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", ctr,
             "SP 800-38A F.5.1 CTR-AES128 encrypt");
    mode_kat(RP_AES_CTR, 1, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", ctr,
             "SP 800-38A F.5.2 CTR-AES128 decrypt");
    rp_gcm_encrypt(key, 16, iv, 12, NULL, 0, zero, 16, c, t, 16);
    unhex(want, "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf");
    check(memcmp(c, want, 16) == 0 && memcmp(t, want + 16, 16) == 0, "GCM test case 2");
    unhex(key, "feffe9928665731c6d6a8f9467308308");
    unhex(iv, "cafebabefacedbaddecaf888");
    unhex(p3, "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
              "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
    rp_gcm_encrypt(key, 16, iv, 12, NULL, 0, p3, 64, c, t, 16);
    unhex(want, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985");
    check(memcmp(c, want, 64) == 0, "GCM test case 3 ciphertext");
    unhex(want, "4d5c2af327cd64a62cf35abd2ba6fab4");
    check(memcmp(t, want, 16) == 0, "GCM test case 3 tag");
    check(rp_gcm_decrypt(key, 16, iv, 12, NULL, 0, c, 64, a, t, 16) == 0
          && memcmp(a, p3, 64) == 0, "GCM test case 3 decrypt");
    memset(a, 'a', sizeof a);
    rp_sha256_init(&h);
    for (i = 0; i < 1000000 / sizeof a; i++)
        rp_sha256_update(&h, a, sizeof a);
    rp_sha256_update(&h, a, 1000000 % sizeof a);
    rp_sha256_final(&h, md);
    unhex(want, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    check(memcmp(md, want, 32) == 0, "SHA-256 FIPS 180-4 one million 'a'");
}

int main(void)
{
    check_sbox();
    check_aes_vs_c();
    check_sha256();
    check_sha256_wipe();
    check_modes_and_long_hash();
    check_fips197(16, "69c4e0d86a7b0430d8cdb78070b4c55a", "FIPS 197 C.1 AES-128");
    check_fips197(24, "dda97ca4864cdfe06eaf70a0ec0d7191", "FIPS 197 C.2 AES-192");
    check_fips197(32, "8ea2b7ca516745bfeafc49904b496089", "FIPS 197 C.3 AES-256");
    semihost(0x04, failures ? "t2_check: FAILED\n" : "t2_check: all checks passed\n");
    return failures != 0;
}
