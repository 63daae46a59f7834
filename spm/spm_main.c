/* spm_main.c - the secure image's first C code after reset: bring the platform up,
 * isolate, start the SPM and hand over to the non-secure image. */
#include "psa/client.h"
#include "rp_platform.h"
#include "rp_print.h"
#include "rp_spm.h"
#include "rp_spm_tables.h"

#ifndef RAMPART_VERSION
#define RAMPART_VERSION "0.0.0"
#endif
#ifndef RAMPART_CONFIG
#define RAMPART_CONFIG "default"
#endif

void rp_secure_main(void)
{
    rp_platform_init();
    rp_printf("\r\n[Rampart] secure image %s (%s), FF-M %u.%u\r\n", RAMPART_VERSION,
              RAMPART_CONFIG, PSA_FRAMEWORK_VERSION >> 8, PSA_FRAMEWORK_VERSION & 0xFFu);
    rp_platform_isolation_init();
    rp_platform_describe();
    if (rp_spm_init() != 0) {
        rp_printf("[Rampart] SPM: a partition failed to initialise\r\n");
    }
    rp_printf("[Rampart] SPM: %u partitions, %u services; entering non-secure image\r\n",
              (unsigned)rp_partition_count, (unsigned)rp_service_count);
    rp_spm_start(rp_platform_enter_ns);
}
