/* test_tables.c - the tables rp_manifest.py generates from tests/spm/profiles/test.yaml
 * compile and hold what the manifests say (tests/spm/manifests/good_*). The expected values
 * below are read off the manifests by hand; the rules are those of docs/manifest.md. */
#include <stdint.h>
#include "rp_spm_core.h"
#include "rp_spm_tables.h"
#include "psa_manifest/sid.h"
#include "psa_manifest/pid.h"
#include "psa_manifest/rp_test_sp_crypto.h"
#include "psa_manifest/rp_test_sp_storage.h"
#include "psa_manifest/rp_test_sp_idle.h"
#include "rp_test.h"
#include "ns_stateless_check.h"

/* The partition code the tables point at. */
psa_status_t rp_test_crypto_init(void) { return PSA_SUCCESS; }
psa_status_t rp_test_crypto_sfn(const psa_msg_t *msg) { (void)msg; return 1; }
psa_status_t rp_test_hash_sfn(const psa_msg_t *msg) { (void)msg; return 2; }
psa_status_t rp_test_session_sfn(const psa_msg_t *msg) { (void)msg; return 3; }
psa_flih_result_t rp_test_timer_irq_flih(void) { return PSA_FLIH_SIGNAL; }
void rp_test_storage_main(void) {}
void rp_test_idle_main(void) {}

static void test_headers(void)
{
    RP_CHECK_EQ(RP_TEST_SP_CRYPTO, 256);  /* no id: the first from 256 */
    RP_CHECK_EQ(RP_TEST_SP_STORAGE, 300); /* id: 300 */
    RP_CHECK_EQ(RP_TEST_SP_IDLE, 257);    /* no id: the next free one */
    RP_CHECK_EQ(RP_TEST_CRYPTO_SID, 0x80);
    RP_CHECK_EQ(RP_TEST_HASH_SID, 0x81);
    RP_CHECK_EQ(RP_TEST_SESSION_SID, 0x82);
    RP_CHECK_EQ(RP_TEST_ITS_SID, 0x70);
    RP_CHECK_EQ(RP_TEST_PS_SID, 4096);
    RP_CHECK_EQ(RP_TEST_HASH_VERSION, 2);
    RP_CHECK_EQ(RP_TEST_SESSION_VERSION, 7);
    RP_CHECK_EQ(RP_TEST_PS_VERSION, 255);
    /* 0x40000000 | index << 8 | version: fixed index 3, then auto 1 and 2 in list order. */
    RP_CHECK_EQ(RP_TEST_CRYPTO_HANDLE, 0x40000301);
    RP_CHECK_EQ(RP_TEST_HASH_HANDLE, 0x40000102);
    RP_CHECK_EQ(RP_TEST_PS_HANDLE, 0x400002ff);
    /* Signals from bit 4, services then irqs, in manifest order. */
    RP_CHECK_EQ(RP_TEST_CRYPTO_SIGNAL, 0x10);
    RP_CHECK_EQ(RP_TEST_HASH_SIGNAL, 0x20);
    RP_CHECK_EQ(RP_TEST_SESSION_SIGNAL, 0x40);
    RP_CHECK_EQ(RP_TEST_TIMER_IRQ_SIGNAL, 0x80);
    RP_CHECK_EQ(RP_TEST_ITS_SIGNAL, 0x10);
    RP_CHECK_EQ(RP_TEST_PS_SIGNAL, 0x20);
    RP_CHECK_EQ(RP_TEST_FLASH_IRQ_SIGNAL, 0x40);
}

static void test_partitions(void)
{
    const rp_partition_t *p = rp_partitions;

    RP_CHECK_EQ(rp_partition_count, 3);
    RP_CHECK(strcmp(p[0].name, "RP_TEST_SP_CRYPTO") == 0);
    RP_CHECK_EQ(p[0].id, RP_TEST_SP_CRYPTO);
    RP_CHECK_EQ(p[0].type, RP_PART_PSA_ROT);
    RP_CHECK_EQ(p[0].model, RP_MODEL_SFN);
    RP_CHECK_EQ(p[0].priority, RP_PRIO_NORMAL);
    RP_CHECK(p[0].entry == NULL && p[0].init == rp_test_crypto_init && p[0].stack == NULL);
    RP_CHECK_EQ(p[0].stack_size, 0x800);
    RP_CHECK_EQ(p[0].signals, 0xf0);
    RP_CHECK_EQ(p[0].n_services, 3);
    RP_CHECK_EQ(p[0].n_irqs, 1);
    RP_CHECK_EQ(p[0].n_mmio, 2);
    RP_CHECK_EQ(p[0].n_deps, 0);

    RP_CHECK_EQ(p[1].id, 300);
    RP_CHECK_EQ(p[1].type, RP_PART_APP_ROT);
    RP_CHECK_EQ(p[1].model, RP_MODEL_IPC);
    RP_CHECK_EQ(p[1].priority, RP_PRIO_LOW);
    RP_CHECK(p[1].entry == rp_test_storage_main && p[1].init == NULL && p[1].stack != NULL);
    RP_CHECK_EQ(p[1].stack_size, 1024);
    RP_CHECK_EQ((uintptr_t)p[1].stack % 8u, 0);
    RP_CHECK_EQ(p[1].signals, 0x70);
    RP_CHECK_EQ(p[1].first_service, 3);
    RP_CHECK_EQ(p[1].first_irq, 1);
    RP_CHECK_EQ(p[1].n_deps, 2);

    RP_CHECK_EQ(p[2].id, 257);
    RP_CHECK_EQ(p[2].priority, RP_PRIO_HIGH);
    RP_CHECK(p[2].entry == rp_test_idle_main && p[2].stack != NULL && p[2].stack != p[1].stack);
    RP_CHECK_EQ(p[2].stack_size, 256);
    RP_CHECK_EQ(p[2].n_services + p[2].n_irqs, 0);
    RP_CHECK_EQ(p[2].signals, 0);
    /* The stacks are writable memory of the declared size. */
    p[1].stack[0] = 1;
    p[1].stack[1024 / 8 - 1] = 2;
    p[2].stack[256 / 8 - 1] = 3;
    RP_CHECK_EQ(p[1].stack[0] + p[1].stack[127] + p[2].stack[31], 6);
}

/* The layout rules of rp_spm_tables.h, checked for every partition. */
static void test_layout(void)
{
    uint16_t pi, k, next_s = 0, next_q = 0;

    for (pi = 0; pi < rp_partition_count; pi++) {
        const rp_partition_t *p = &rp_partitions[pi];
        psa_signal_t all = 0;
        RP_CHECK_EQ(p->first_service, next_s);
        RP_CHECK_EQ(p->first_irq, next_q);
        for (k = 0; k < p->n_services; k++) {
            const rp_service_t *s = &rp_services[p->first_service + k];
            RP_CHECK_EQ(s->partition, pi);
            RP_CHECK_EQ(s->signal, 1u << (4 + k));
            all |= s->signal;
        }
        for (k = 0; k < p->n_irqs; k++) {
            const rp_irq_t *q = &rp_irqs[p->first_irq + k];
            RP_CHECK_EQ(q->partition, pi);
            RP_CHECK_EQ(q->signal, 1u << (4 + p->n_services + k));
            all |= q->signal;
        }
        RP_CHECK_EQ(all, p->signals);
        next_s = (uint16_t)(next_s + p->n_services);
        next_q = (uint16_t)(next_q + p->n_irqs);
    }
    RP_CHECK_EQ(next_s, rp_service_count);
    RP_CHECK_EQ(next_q, rp_irq_count);
}

static void test_services(void)
{
    static const uint32_t sids[] = {0x80, 0x81, 0x82, 0x70, 0x1000};
    const rp_service_t *s = rp_services;
    uint16_t i;

    RP_CHECK_EQ(rp_service_count, 5);
    for (i = 0; i < 5; i++) {
        RP_CHECK_EQ(s[i].sid, sids[i]);
        RP_CHECK(rp_service_find(rp_services, rp_services_by_sid, rp_service_count,
                                 sids[i]) == &s[i]);
    }
    for (i = 1; i < rp_service_count; i++) {
        RP_CHECK(rp_services[rp_services_by_sid[i - 1]].sid <
                 rp_services[rp_services_by_sid[i]].sid);
    }
    RP_CHECK(rp_service_find(rp_services, rp_services_by_sid, rp_service_count, 0x83) == NULL);
    RP_CHECK_EQ(s[0].flags, RP_SVC_STATELESS | RP_SVC_NS_CLIENTS | RP_SVC_POLICY_STRICT);
    RP_CHECK_EQ(s[1].flags, RP_SVC_STATELESS | RP_SVC_NS_CLIENTS);
    RP_CHECK_EQ(s[2].flags, RP_SVC_CONNECTION_BASED | RP_SVC_POLICY_STRICT);
    RP_CHECK_EQ(s[3].flags, RP_SVC_CONNECTION_BASED | RP_SVC_NS_CLIENTS);
    RP_CHECK_EQ(s[4].flags, RP_SVC_STATELESS | RP_SVC_POLICY_STRICT);
    RP_CHECK_EQ(s[0].stateless_index, 3);
    RP_CHECK_EQ(s[1].stateless_index, 1);
    RP_CHECK_EQ(s[2].stateless_index, 0);
    RP_CHECK_EQ(s[4].stateless_index, 2);
    RP_CHECK(s[0].sfn == rp_test_crypto_sfn && s[1].sfn == rp_test_hash_sfn &&
             s[2].sfn == rp_test_session_sfn);
    RP_CHECK(s[3].sfn == NULL && s[4].sfn == NULL); /* IPC partition */
    RP_CHECK_EQ(s[2].sfn(NULL), 3);
}

static void test_stateless(void)
{
    const rp_service_t *s = NULL;
    unsigned i, used = 0;

    for (i = 0; i < RP_STATELESS_SLOTS; i++) {
        used += rp_stateless_services[i] != NULL;
    }
    RP_CHECK_EQ(used, 3);
    RP_CHECK(rp_stateless_services[0] == NULL); /* index 0 is no handle */
    RP_CHECK(rp_stateless_services[1] == &rp_services[1]);
    RP_CHECK(rp_stateless_services[2] == &rp_services[4]);
    RP_CHECK(rp_stateless_services[3] == &rp_services[0]);
    /* The generated handles decode to their services through the SPM's own check. */
    RP_CHECK_EQ(rp_stateless_lookup(RP_TEST_CRYPTO_HANDLE, rp_stateless_services, -1, &s),
                PSA_SUCCESS);
    RP_CHECK(s == &rp_services[0]);
    RP_CHECK_EQ(rp_stateless_lookup(RP_TEST_HASH_HANDLE, rp_stateless_services, -1, &s),
                PSA_SUCCESS);
    RP_CHECK(s == &rp_services[1]);
    RP_CHECK_EQ(rp_stateless_lookup(RP_TEST_PS_HANDLE, rp_stateless_services, 256, &s),
                PSA_SUCCESS);
    RP_CHECK(s == &rp_services[4]);
    /* RP_TEST_PS has non_secure_clients: false. */
    RP_CHECK_EQ(rp_stateless_lookup(RP_TEST_PS_HANDLE, rp_stateless_services, -1, &s),
                PSA_ERROR_PROGRAMMER_ERROR);
    /* The NS agent's table: indices 1..3 need two bits; it decides as the look-up does. */
    RP_CHECK_EQ(RP_NS_STATELESS_BITS, 2);
    RP_CHECK(rp_ns_stateless[1].svc == &rp_services[1]);
    RP_CHECK(rp_ns_stateless[2].svc == NULL); /* RP_TEST_PS: no NS clients */
    RP_CHECK(rp_ns_stateless[3].svc == &rp_services[0]);
    check_ns_stateless_table();
}

static void test_irqs_deps_mmio(void)
{
    RP_CHECK_EQ(rp_irq_count, 2);
    RP_CHECK_EQ(rp_irqs[0].source, 17);
    RP_CHECK_EQ(rp_irqs[0].handling, RP_IRQ_FLIH);
    RP_CHECK(rp_irqs[0].flih == rp_test_timer_irq_flih);
    RP_CHECK_EQ(rp_irqs[1].source, 20);
    RP_CHECK_EQ(rp_irqs[1].handling, RP_IRQ_SLIH);
    RP_CHECK(rp_irqs[1].flih == NULL);

    RP_CHECK_EQ(rp_dependency_count, 2);
    RP_CHECK_EQ(rp_dependency_check(&rp_partitions[1], rp_dependencies, RP_TEST_CRYPTO_SID),
                PSA_SUCCESS);
    RP_CHECK_EQ(rp_dependency_check(&rp_partitions[1], rp_dependencies, RP_TEST_SESSION_SID),
                PSA_SUCCESS);
    RP_CHECK_EQ(rp_dependency_check(&rp_partitions[1], rp_dependencies, RP_TEST_HASH_SID),
                PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_dependency_check(&rp_partitions[0], rp_dependencies, RP_TEST_ITS_SID),
                PSA_ERROR_PROGRAMMER_ERROR);

    RP_CHECK_EQ(rp_mmio_count, 2);
    RP_CHECK(strcmp(rp_mmio[0].name, "RP_TEST_PERIPH_TIMER0") == 0);
    RP_CHECK_EQ(rp_mmio[0].permission, RP_MMIO_READ_WRITE);
    RP_CHECK(rp_mmio[1].name == NULL);
    RP_CHECK_EQ(rp_mmio[1].base, 0x40000000u);
    RP_CHECK_EQ(rp_mmio[1].size, 0x1000u);
    RP_CHECK_EQ(rp_mmio[1].permission, RP_MMIO_READ_ONLY);
}

int main(void)
{
    test_headers();
    test_partitions();
    test_layout();
    test_services();
    test_stateless();
    test_irqs_deps_mmio();
    return rp_test_end("test_tables");
}
