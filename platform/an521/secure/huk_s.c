/* huk_s.c - the hardware unique key on AN521 under QEMU.
 *
 * DEVELOPMENT KEY, NOT A SECRET. QEMU models no OTP, fuses or key store, so there is no
 * per-device secret to read. Rampart uses a fixed, published 32-byte value: the ASCII
 * string "Rampart-AN521-development-HUK-v1". Every build of this source on every machine
 * has the same HUK, so whatever PS encrypts under keys derived from it is protected
 * against nothing but accidents: anyone can derive the same keys. A real device port
 * reads its HUK from hardware that only the secure side (ideally only the key derivation)
 * can access, and must replace this file. docs/storage.md, "Development HUK". */
#include <stdint.h>

#include "rp_storage_platform.h"

static const uint8_t dev_huk[RP_PLATFORM_HUK_SIZE] = "Rampart-AN521-development-HUK-v1";

int rp_platform_get_huk(void *ctx, uint8_t huk[RP_PLATFORM_HUK_SIZE])
{
    (void)ctx;
    for (unsigned i = 0; i < RP_PLATFORM_HUK_SIZE; i++) {
        huk[i] = dev_huk[i];
    }
    return 0;
}
