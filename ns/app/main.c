/* ns_demo - the non-secure demo: proves the round trip through the secure gateway. */
#include "psa/client.h"
#include "rp_print.h"

int main(void)
{
    uint32_t v = psa_framework_version();

    rp_printf("[NS] hello from the non-secure side\r\n");
    rp_printf("[NS] psa_framework_version() = 0x%04x (FF-M %u.%u)\r\n", (unsigned)v,
              (unsigned)(v >> 8), (unsigned)(v & 0xFFu));
    if (v != PSA_FRAMEWORK_VERSION) {
        rp_printf("[NS] unexpected framework version\r\n");
        return 1;
    }
    rp_printf("[NS] demo done\r\n");
    return 0;
}
