/* rp_ns_platform.h - what a non-secure application gets from the AN521 port. */
#ifndef RP_NS_PLATFORM_H
#define RP_NS_PLATFORM_H

#include <stdint.h>

/* Ends the run (QEMU semihosting exit with `code`). */
void rp_ns_exit(int code) __attribute__((noreturn));

/* SysTick as a down-counter on the processor clock, reload 0xFFFFFF, no interrupt.
 * Under QEMU with -icount shift=0 one tick is 50 instructions (20 MHz clock, 1 ns per
 * instruction). Elapsed ticks between two reads a and b (< 2^24 apart): (a - b) & 0xFFFFFF. */
void rp_ns_systick_start(void);
uint32_t rp_ns_systick_read(void);

#define RP_NS_INSNS_PER_TICK 50u

#endif
