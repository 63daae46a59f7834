/* test_fault - the non-secure image does one thing it must not; the secure fault handler
 * must report it and stop. Built once per case (RP_FAULT_CASE); tests/firmware checks the
 * secure side's report line. */
#include <stdint.h>

#include "an521_memory_map.h"
#include "rp_print.h"

#ifndef RP_FAULT_CASE
#error "RP_FAULT_CASE must be defined"
#endif

#define S_CODE_ADDR  0x10000000u /* secure alias of the secure image */
#define S_DATA_ADDR  0x38000000u /* secure data */
#define S_TIMER0_NS  0x40000000u /* timer0: NS alias, but the PPC keeps it secure */
#define S_NS_ALIAS   0x00000000u /* NS alias of the secure image: SAU says secure */

typedef void (*fn_t)(void);

int main(void)
{
    volatile uint32_t sink = 0;

    rp_printf("[NS] fault case %d\r\n", RP_FAULT_CASE);
    switch (RP_FAULT_CASE) {
    case 1:
        sink = *(volatile uint32_t *)S_CODE_ADDR;
        break;
    case 2:
        *(volatile uint32_t *)S_DATA_ADDR = 0xDEADBEEFu;
        break;
    case 3:
        ((fn_t)(S_CODE_ADDR + 0x101u))();
        break;
    case 4:
        sink = *(volatile uint32_t *)S_TIMER0_NS;
        break;
    case 5:
        sink = *(volatile uint32_t *)S_NS_ALIAS;
        break;
    default:
        break;
    }
    rp_printf("[NS] no fault (read 0x%08x): isolation broken\r\n", (unsigned)sink);
    return 1;
}
