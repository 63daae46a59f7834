/* t2_check.c - the Thumb-2 AES S-box (crypto/src/rp_aes_sbox_m33.S) on QEMU's AN521,
 * against an S-box computed here from its definition (FIPS 197 5.1.1: inverse in GF(2^8),
 * then the affine map), for all 256 inputs in every bit position, and AES-128/192/256 built
 * on it against FIPS 197 Appendix C. Exit 0 (semihosting) when everything matches. */
#include <stdint.h>
#include <string.h>
#include "rp_aes.h"

void rp_aes_sbox_t2(uint32_t q[8]);

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

int main(void)
{
    check_sbox();
    check_fips197(16, "69c4e0d86a7b0430d8cdb78070b4c55a", "FIPS 197 C.1 AES-128");
    check_fips197(24, "dda97ca4864cdfe06eaf70a0ec0d7191", "FIPS 197 C.2 AES-192");
    check_fips197(32, "8ea2b7ca516745bfeafc49904b496089", "FIPS 197 C.3 AES-256");
    semihost(0x04, failures ? "t2_check: FAILED\n" : "t2_check: all checks passed\n");
    return failures != 0;
}
