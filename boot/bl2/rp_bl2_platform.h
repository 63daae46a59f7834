/* rp_bl2_platform.h - what BL2 (boot/bl2/bl2_main.c) needs from a platform port. One
 * implementation per platform folder (AN521: platform/an521/bl2/). */
#ifndef RP_BL2_PLATFORM_H
#define RP_BL2_PLATFORM_H

#include <stdint.h>

#include "rp_boot.h"

/* Console up, instruction clock started (SysTick on AN521). */
void rp_bl2_platform_init(void);

void rp_bl2_putc(char c);

/* The boot configuration: flash, NV counters, slots, mode, provisioned keys. */
const struct rp_boot_cfg *rp_bl2_boot_cfg(void);

/* The BL2 -> secure image shared area. */
uint8_t *rp_bl2_shared_area(uint32_t *size);

/* Instructions since reset (exact under QEMU -icount shift=0; see docs/boot.md). */
uint32_t rp_bl2_instructions(void);

/* Ends the run: semihosting exit on QEMU, a halt loop otherwise. */
void rp_bl2_exit(int code) __attribute__((noreturn));

/* Resets what BL2 touched (SysTick, SAU, MPU, VTOR), wipes BL2's RAM, and enters the image
 * whose vector table is at vtor (MSP = word 0, PC = word 1). */
void rp_bl2_jump(uint32_t vtor) __attribute__((noreturn));

#endif
