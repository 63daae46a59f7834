/* profile.c - one AES-128 block encryption between two marker() calls, for profile.sh. */
#include <stdint.h>
#include "rp_aes.h"

extern uint32_t _estack;
void bench_reset(void);
int main(void);

__attribute__((section(".vectors"), used))
static const void *const vectors[2] = { &_estack, (const void *)bench_reset };

static uint8_t buf[16], out[16], key[16];
static rp_aes_ctx a;

__attribute__((noinline)) void marker(void) { __asm__ volatile(""); }

void bench_reset(void)
{
    main();
    {
        register int r0 __asm__("r0") = 0x18;        /* SYS_EXIT, application exit */
        register int r1 __asm__("r1") = 0x20026;
        __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1));
    }
    for (;;) {}
}

int main(void)
{
    rp_aes_setkey(&a, key, 16);
    marker();
#ifdef PROFILE_SETKEY
    rp_aes_setkey(&a, key, 16);
#else
    rp_aes_encrypt(&a, buf, out);
#endif
    marker();
    return 0;
}
