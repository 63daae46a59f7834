/* crypto_platform_dev.c - DEVELOPMENT-ONLY defaults of the crypto core's platform hooks
 * (rp_crypto_core.h), for boards whose port does not provide them yet -- such as AN521
 * under QEMU, which has no TRNG and no fused device key.
 *
 * NOT SECURE: the "hardware unique key" is a constant and the "entropy" is a counter
 * mixed by SHA-256, so keys, nonces and signatures are predictable across boots. A real
 * port defines both functions (strong symbols override these weak ones). */
#include "rp_crypto_core.h"
#include "rp_sha2.h"

__attribute__((weak)) void rp_crypto_platform_huk(uint8_t huk[32])
{
    for (unsigned i = 0; i < 32; i++)
        huk[i] = (uint8_t)(0x5A ^ (i * 29));
}

__attribute__((weak)) int rp_crypto_platform_entropy(uint8_t *out, size_t n)
{
    static uint32_t counter;
    uint8_t block[32], seed[8];
    while (n > 0) {
        size_t c = n < sizeof block ? n : sizeof block;
        counter++;
        for (unsigned i = 0; i < 4; i++)
            seed[i] = (uint8_t)(counter >> (8 * i));
        seed[4] = 'd'; seed[5] = 'e'; seed[6] = 'v'; seed[7] = '!';
        rp_sha256(seed, sizeof seed, block);
        for (size_t i = 0; i < c; i++)
            *out++ = block[i];
        n -= c;
    }
    return 0;
}
