/* ns_kpi - instruction counts of NS->S round trips, printed as "KPI <key> <integer>".
 * Run under QEMU with -icount shift=0 (1 instruction = 1 ns): SysTick on the 20 MHz
 * processor clock ticks every 50 instructions. Each figure is the mean over N calls
 * minus the mean of the same loop with an empty body. See docs/kpi.md. */
#include <stdint.h>

#include "psa/client.h"
#include "rp_ns_platform.h"
#include "rp_print.h"

#define N 2000u

__attribute__((noinline)) static void empty_body(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noinline)) static void fw_version_body(void)
{
    (void)psa_framework_version();
}

/* Mean instructions (x100, for two decimals) of body() over N calls, loop included. */
static uint32_t measure_x100(void (*body)(void))
{
    uint32_t start = rp_ns_systick_read();
    for (uint32_t i = 0; i < N; i++) {
        body();
    }
    uint32_t ticks = (start - rp_ns_systick_read()) & 0x00FFFFFFu;
    return (uint32_t)((uint64_t)ticks * RP_NS_INSNS_PER_TICK * 100u / N);
}

static void report(const char *key, void (*body)(void), uint32_t base_x100)
{
    uint32_t x100 = measure_x100(body) - base_x100;
    rp_printf("KPI %s %u\r\n", key, (unsigned)((x100 + 50u) / 100u));
}

int main(void)
{
    rp_ns_systick_start();
    uint32_t base = measure_x100(empty_body);
    rp_printf("[NS] KPI loop baseline %u.%02u instructions per iteration\r\n",
              (unsigned)(base / 100u), (unsigned)(base % 100u));
    report("ns_to_s.framework_version", fw_version_body, base);
    return 0;
}
