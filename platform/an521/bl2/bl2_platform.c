/* bl2_platform.c - the AN521 side of BL2 (rp_bl2_platform.h): vector table and reset,
 * UART0 console, the SSRAM1 "flash" driver, SysTick instruction clock, exit, clean-up and
 * the jump into the secure image. */
#include <stdint.h>
#include <string.h>

#include "an521_memory_map.h"
#include "an521_regs.h"
#include "rp_bl2_platform.h"
#include "rp_bl2_keys.h"   /* generated from the signing key: the provisioned key */

#define SYST_CSR   0xE000E010u
#define SYST_RVR   0xE000E014u
#define SYST_CVR   0xE000E018u
#define MPU_CTRL   0xE000ED94u
#define SAU_CTRL   0xE000EDD0u
#define INSNS_PER_TICK 50u   /* SysTick on the 20 MHz CPU clock, -icount shift=0 */

extern uint32_t __bl2_msp_top[], __bl2_msp_limit[], __bl2_ram_start[], __bl2_ram_end[];
extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
void rp_bl2_main(void) __attribute__((noreturn));

/* SysTick first (the boot-time figure counts from here), then .data and .bss. */
__attribute__((noreturn)) void Reset_Handler(void)
{
    RP_REG(SYST_RVR) = 0x00FFFFFFu;
    RP_REG(SYST_CVR) = 0;
    RP_REG(SYST_CSR) = 5u;   /* enabled, processor clock, no interrupt */
    __asm volatile("msr msplim, %0" : : "r"(__bl2_msp_limit));
    for (uint32_t *s = __data_load, *d = __data_start; d < __data_end;) {
        *d++ = *s++;
    }
    for (uint32_t *d = __bss_start; d < __bss_end;) {
        *d++ = 0;
    }
    rp_bl2_main();
}

/* Any exception in BL2 is fatal: report and stop. */
static void fault(void)
{
    const char *s = "[BL2] FAULT\r\n";
    while (*s) {
        rp_bl2_putc(*s++);
    }
    rp_bl2_exit(3);
}

/* Only NMI and HardFault: BL2 enables no other exception, so any fault escalates to
 * HardFault and the table can stop there. */
typedef void (*vector_t)(void);
__attribute__((section(".vectors"), used))
static const vector_t vectors[4] = {
    [0] = (vector_t)__bl2_msp_top,
    [1] = Reset_Handler,
    [2 ... 3] = fault,
};

void rp_bl2_platform_init(void)
{
    RP_REG(UART0_S_BASE + UART_BAUDDIV) = 16;
    RP_REG(UART0_S_BASE + UART_CTRL) = 1;
}

void rp_bl2_putc(char c)
{
    while (RP_REG(UART0_S_BASE + UART_STATE) & 1u) {
    }
    RP_REG(UART0_S_BASE + UART_DATA) = (uint8_t)c;
}

uint32_t rp_bl2_instructions(void)
{
    return (0x00FFFFFFu - (RP_REG(SYST_CVR) & 0x00FFFFFFu)) * INSNS_PER_TICK;
}

/* BL2's own memcpy and memset: byte loops, ~400 bytes smaller than newlib-nano's unrolled
 * ones; BL2 copies little (hashing reads the image in place). The attribute keeps GCC
 * from turning the loops back into calls to themselves. */
#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns"), used))
NO_LIBCALL void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

NO_LIBCALL void *memset(void *dst, int v, size_t n)
{
    uint8_t *d = dst;
    while (n--) {
        *d++ = (uint8_t)v;
    }
    return dst;
}

/* ---- flash: SSRAM1 through its secure alias ------------------------------------------ */
#define FLASH ((uint8_t *)RP_FLASH_S_BASE)

static int in_range(uint32_t addr, uint32_t len)
{
    return addr <= RP_FLASH_SIZE && len <= RP_FLASH_SIZE - addr;
}

static int fl_program(void *ctx, uint32_t addr, const void *buf, uint32_t len)
{
    (void)ctx;
    if (!in_range(addr, len)) {
        return RP_FLASH_ERR_RANGE;
    }
    memcpy(FLASH + addr, buf, len);
    return RP_FLASH_OK;
}

static int fl_erase(void *ctx, uint32_t sector)
{
    (void)ctx;
    if (sector >= RP_FLASH_SIZE / RP_FLASH_SECTOR_SIZE) {
        return RP_FLASH_ERR_RANGE;
    }
    memset(FLASH + sector * RP_FLASH_SECTOR_SIZE, 0xFF, RP_FLASH_SECTOR_SIZE);
    return RP_FLASH_OK;
}

static const struct rp_flash flash = {
    .program_unit = 1,
    .sector_size = RP_FLASH_SECTOR_SIZE,
    .sector_count = RP_FLASH_SIZE / RP_FLASH_SECTOR_SIZE,
    .erased_value = 0xFF,
    .read = NULL,   /* BL2 reads through the memory map (rp_boot_cfg.map) */
    .program = fl_program,
    .erase = fl_erase,
};

/* Upgrade mode: swap with scratch (revertible) unless the build picks overwrite-only. */
#ifndef RP_BL2_UPGRADE_MODE
#define RP_BL2_UPGRADE_MODE RP_BOOT_MODE_SWAP
#endif

/* Provisioned image signing key (build-time: RAMPART_BL2_KEY). */
static const struct rp_image_key key = { rp_bl2_key_hash, rp_bl2_key_pub };
static struct rp_nvc_otp otp;
/* const, so that the build drops what this configuration does not use (overwrite-only). */
static const struct rp_boot_cfg cfg = {
    .flash = &flash,
    .keys = &key,
    .nkeys = 1,
    .map = FLASH,
    .nvc = &otp.nvc,
    .slot_size = RP_FLASH_SLOT_SIZE,
    .scratch = RP_FLASH_SCRATCH,
    .scratch_size = RP_FLASH_SLOT_SIZE,   /* TF-M's layout: the scratch area is a slot long */
    .mode = RP_BL2_UPGRADE_MODE,
    .image_count = 2,
    .img = { { RP_FLASH_S_PRIMARY, RP_FLASH_S_SECONDARY, 0 },
             { RP_FLASH_NS_PRIMARY, RP_FLASH_NS_SECONDARY, 1 } },
};

const struct rp_boot_cfg *rp_bl2_boot_cfg(void)
{
    rp_nvc_otp_init(&otp, &flash, FLASH, RP_FLASH_NV_COUNTERS, RP_FLASH_NV_COUNTERS_SIZE / 2, 2);
    return &cfg;
}

uint8_t *rp_bl2_shared_area(uint32_t *size)
{
    *size = RP_BOOT_SHARED_SIZE;
    return (uint8_t *)RP_BOOT_SHARED_BASE;
}

void rp_bl2_exit(int code)
{
    volatile uint32_t block[2] = { 0x20026u, (uint32_t)code };
    for (;;) {
        register uint32_t r0 __asm("r0") = 0x20u;
        register uint32_t r1 __asm("r1") = (uint32_t)(uintptr_t)block;
        __asm volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    }
}

/* Wipes [r1, r2) with registers only (the stack being wiped is BL2's own), then VTOR,
 * MSPLIM = 0, MSP and PC from the image's vector table at r0. */
#define UNUSED __attribute__((unused))
__attribute__((naked, noreturn)) static void wipe_and_enter(UNUSED uint32_t vtor,
                                                            UNUSED uint32_t *from,
                                                            UNUSED uint32_t *to)
{
    __asm volatile(
        "movs r3, #0\n"
        "1: cmp r1, r2\n"
        "bhs 2f\n"
        "str r3, [r1], #4\n"
        "b 1b\n"
        "2: ldr r1, =0xE000ED08\n"
        "str r0, [r1]\n"
        "msr msplim, r3\n"
        "ldr r1, [r0]\n"
        "ldr r2, [r0, #4]\n"
        "msr msp, r1\n"
        "dsb\n"
        "isb\n"
        "bx r2\n"
        ".ltorg\n");
}

void rp_bl2_jump(uint32_t vtor)
{
    RP_REG(SYST_CSR) = 0;
    RP_REG(SYST_CVR) = 0;
    RP_REG(MPU_CTRL) = 0;
    RP_REG(SAU_CTRL) = 0;
    __asm volatile("dsb\nisb" ::: "memory");
    wipe_and_enter(vtor, __bl2_ram_start, __bl2_ram_end);
}
