/* test_tables_empty.c - an empty partition list (profiles/base.yaml today, or any profile
 * given at configure time) still generates tables that compile, link and are consistent. */
#include <stdint.h>
#include "rp_spm_core.h"
#include "rp_spm_tables.h"
#include "psa_manifest/sid.h"
#include "psa_manifest/pid.h"
#include "rp_test.h"
#include "ns_stateless_check.h"

int main(void)
{
    unsigned i, used = 0;

    RP_CHECK_EQ(rp_partition_count, 0);
    RP_CHECK_EQ(rp_service_count, 0);
    RP_CHECK_EQ(rp_irq_count, 0);
    RP_CHECK_EQ(rp_dependency_count, 0);
    RP_CHECK_EQ(rp_mmio_count, 0);
    for (i = 0; i < RP_STATELESS_SLOTS; i++) {
        used += rp_stateless_services[i] != NULL;
    }
    RP_CHECK_EQ(used, 0);
    check_ns_stateless_table(); /* refuses every handle */
    RP_CHECK(rp_service_find(rp_services, rp_services_by_sid, rp_service_count, 0) == NULL);
    return rp_test_end("test_tables_empty");
}
