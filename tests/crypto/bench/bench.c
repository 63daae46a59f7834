/* bench.c - instruction counts per operation for the symmetric primitives on the AN521
 * model in QEMU (Cortex-M33). QEMU does not model cycles: with -icount shift=0 one
 * instruction is one nanosecond, and SysTick on the 20 MHz CPU clock ticks every 50
 * instructions, so counting ticks over many calls gives instructions per call (not cycles;
 * wait states and pipeline effects are not modelled). The tick-to-instruction ratio is
 * calibrated with a loop of known length. Output via semihosting. */
#include <stdint.h>
#include <string.h>
#include "rp_aes.h"
#include "rp_chachapoly.h"
#include "rp_hmac.h"
#include "rp_sha2.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)

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
    semihost(0x18, (const void *)(uintptr_t)(main() == 0 ? 0x20026 : 0x20024));
    for (;;) {}
}

static void puts_(const char *s) { semihost(0x04, s); }

static void putnum(const char *label, uint32_t v, const char *unit)
{
    char b[96], *p = b + sizeof b - 1, tmp[12];
    size_t l = strlen(label), i = 0;

    *p = 0;
    memcpy(b, label, l);
    do { tmp[i++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (p = b + l; i; )
        *p++ = tmp[--i];
    memcpy(p, unit, strlen(unit) + 1);
    puts_(b);
}

static uint32_t ticks(void) { return SYST_CVR; }
static uint32_t elapsed(uint32_t t0) { return (t0 - SYST_CVR) & 0xffffffu; }

/* Known loop: 2 instructions per iteration (subs + bne), for calibration. */
static void spin(uint32_t n)
{
    __asm__ volatile("1: subs %0, %0, #1\n bne 1b" : "+r"(n));
}

static uint8_t buf[1024], out[1024 + 16], key[32], iv[16], tag[16];
static uint32_t x100;   /* instructions per tick x 100 */

#define ITER 200
static uint32_t loop_ticks;   /* ticks of the measuring loop with an empty body */

static void kpi(const char *key, uint32_t v)
{
    char b[64];
    size_t l = strlen(key);

    memcpy(b, "KPI ", 4);
    memcpy(b + 4, key, l);
    b[4 + l] = ' ';
    b[5 + l] = 0;
    putnum(b, v, "\n");
}

/* Instructions per call of stmt (the empty loop subtracted), printed divided by per;
 * with a key, also as the line "KPI key n" with n = per-call figure / kpi_per. */
#define MEASURE_KPI(label, per, key, kpi_per, stmt)                                \
    do {                                                                           \
        uint32_t t0_ = ticks(), i_, n_;                                            \
        for (i_ = 0; i_ < ITER; i_++) { stmt; __asm__ volatile(""); }              \
        n_ = (uint32_t)((uint64_t)(elapsed(t0_) - loop_ticks) * x100 / 100 / ITER); \
        putnum(label, n_ / (per), " instructions\n");                              \
        if (key)                                                                   \
            kpi(key, n_ / (kpi_per));                                              \
    } while (0)
#define MEASURE(label, per, stmt) MEASURE_KPI(label, per, (const char *)0, 1, stmt)

int main(void)
{
    rp_aes_ctx a;
    rp_cipher_ctx ce;
    rp_sha256_ctx s;
    rp_sha512_ctx s5;
    uint32_t t0, i;

    SYST_RVR = 0xffffff;
    SYST_CVR = 0;
    SYST_CSR = 5;                       /* enable, processor clock, no interrupt */
    t0 = ticks();
    spin(1000000);
    x100 = (uint32_t)(200000000ull / elapsed(t0));
    putnum("calibration: instructions per SysTick tick x100 = ", x100, "\n");

    t0 = ticks();
    for (i = 0; i < ITER; i++) { __asm__ volatile(""); }
    loop_ticks = elapsed(t0);

    rp_aes_setkey(&a, key, 16);
    /* aes128.block: per block of a long ECB message through the multipart API, key
     * expanded once (rp_cipher_setkey); every block pair shares one bitsliced pass */
    rp_cipher_setkey(&ce, RP_AES_ECB, 0, key, 16);
    MEASURE_KPI("AES-128-ECB encrypt per block (1 KiB):", 64, "aes128.block", 64,
                { size_t n_; rp_cipher_update(&ce, buf, 1024, out, sizeof out, &n_); });
    rp_cipher_setkey(&ce, RP_AES_CBC, 1, key, 16);
    rp_cipher_set_iv(&ce, iv, 16);
    MEASURE("AES-128-CBC decrypt per block (1 KiB):", 64,
            { size_t n_; rp_cipher_update(&ce, buf, 1024, out, sizeof out, &n_); });
    rp_cipher_setkey(&ce, RP_AES_CTR, 0, key, 16);
    rp_cipher_set_iv(&ce, iv, 16);
    MEASURE("AES-128-CTR per block (1 KiB, keyed):", 64,
            { size_t n_; rp_cipher_update(&ce, buf, 1024, out, sizeof out, &n_); });
    MEASURE_KPI("AES-128 encrypt, 1 block:            ", 1, "aes128.block1", 1,
                rp_aes_encrypt(&a, buf, out));
    MEASURE_KPI("AES-128 encrypt2, per block:         ", 2, "aes128.block2", 2,
                rp_aes_encrypt2(&a, buf, buf + 16, out, out + 16));
    MEASURE("AES-128 decrypt, 1 block:            ", 1, rp_aes_decrypt(&a, buf, out));
    MEASURE("AES-128 key schedule:                ", 1, rp_aes_setkey(&a, key, 16));
    MEASURE_KPI("SHA-256 per 64-byte block (1 KiB):   ", 16, "sha256.block", 16,
                (rp_sha256_init(&s), rp_sha256_update(&s, buf, 1024)));
    MEASURE_KPI("SHA-512 per 128-byte block (1 KiB):  ", 8, "sha512.block", 8,
                (rp_sha512_init(&s5), rp_sha512_update(&s5, buf, 1024)));
    MEASURE_KPI("GCM-128 per 16 bytes (1 KiB, one-shot):", 64, "aes128_gcm.1k", 1,
                rp_gcm_encrypt(key, 16, iv, 12, NULL, 0, buf, 1024, out, tag, 16));
    MEASURE_KPI("CCM-128 per 16 bytes (1 KiB, one-shot):", 64, "aes128_ccm.1k", 1,
                rp_ccm_encrypt(key, 16, iv, 13, NULL, 0, buf, 1024, out, tag, 16));
    MEASURE("CTR-128 per 16 bytes (1 KiB):        ", 64,
            { size_t n_; rp_cipher_crypt(RP_AES_CTR, 0, key, 16, iv, 16, buf, 1024, out,
                                         sizeof out, &n_); });
    MEASURE("CMAC-128 per 16 bytes (1 KiB):       ", 64, rp_aes_cmac(key, 16, buf, 1024, tag));
    MEASURE_KPI("ChaCha20-Poly1305 per 64 bytes (1 KiB):", 16, "chachapoly.1k", 1,
                rp_chachapoly_encrypt(key, 32, iv, 12, NULL, 0, buf, 1024, out, tag, 16));
    MEASURE("HMAC-SHA-256 of 64 bytes:            ", 1,
            rp_hmac(RP_HASH_SHA256, key, 32, buf, 64, out));
    return 0;
}
