/* rp_spm_tables.h - the types of the tables that tools/manifest/rp_manifest.py generates.
 *
 * The generated file rp_manifest_tables.c defines every `extern` below as `const` data; the
 * SPM knows partitions, services, IRQs, dependencies and MMIO regions only through them.
 * Nothing is registered at run time. docs/manifest.md gives the assignment rules.
 *
 * Layout rules the SPM may rely on (the tool guarantees them):
 *  - rp_partitions[] is in profile list order. A partition's services are contiguous in
 *    rp_services[] (first_service .. first_service+n_services-1, manifest order); the same
 *    holds for its IRQs in rp_irqs[], its dependencies in rp_dependencies[] and its MMIO
 *    regions in rp_mmio[].
 *  - Signals: a partition's k-th service has signal bit 4+k; its j-th IRQ has bit
 *    4+n_services+j. Bits 0-3 are reserved by FF-M (bit 3 is PSA_DOORBELL). So for a
 *    signal bit b of partition p: b-4 < n_services -> rp_services[first_service+b-4],
 *    else rp_irqs[first_irq+b-4-n_services].
 *  - rp_services_by_sid[] lists indices into rp_services[] in ascending SID order (SIDs
 *    are unique), for a binary search (rp_service_find() in rp_spm_core.h).
 *  - rp_stateless_services[i] points at the service whose stateless handle index is i
 *    (1..32), or is NULL; it has an entry for every value of the handle's 6-bit index
 *    field (0..63), so a look-up needs no range test.
 *  - Every array has at least one element (a dummy one when its count is 0), so an empty
 *    profile still compiles; always bound loops by the *_count constants.
 */
#ifndef RP_SPM_TABLES_H
#define RP_SPM_TABLES_H

#include <stddef.h>
#include <stdint.h>
#include "psa/client.h"
#include "psa/service.h"

#define RP_STATELESS_MAX 32u /* stateless handle indices 1..32 */
#define RP_STATELESS_SLOTS 64u /* rp_stateless_services covers every 6-bit index field */
#define RP_SIGNAL_FIRST_BIT 4u /* bits 0-3 of a signal word are reserved by FF-M */
#define RP_SIGNALS_MAX 28u /* services + IRQs per partition */

/* rp_service_t.flags */
#define RP_SVC_CONNECTION_BASED 0x01u
#define RP_SVC_NS_CLIENTS       0x02u /* non_secure_clients: true */
#define RP_SVC_POLICY_STRICT    0x04u /* version_policy STRICT (else RELAXED) */
#define RP_SVC_STATELESS        0x08u /* connection_based false; has a stateless handle */

/* rp_irq_t.handling */
#define RP_IRQ_SLIH 0u
#define RP_IRQ_FLIH 1u

/* rp_partition_t.type */
#define RP_PART_PSA_ROT 1u
#define RP_PART_APP_ROT 2u

/* rp_partition_t.model */
#define RP_MODEL_SFN 0u
#define RP_MODEL_IPC 1u

/* rp_partition_t.priority: 0 is the highest */
#define RP_PRIO_HIGH   0u
#define RP_PRIO_NORMAL 1u
#define RP_PRIO_LOW    2u

/* rp_mmio_t.permission */
#define RP_MMIO_READ_ONLY  1u
#define RP_MMIO_READ_WRITE 2u

/* A service function of an SFN-model partition: FF-M 1.1 `<service>_sfn`. */
typedef psa_status_t (*rp_sfn_fn)(const psa_msg_t *msg);

typedef struct rp_service {
    uint32_t sid;
    uint32_t version;        /* >= 1; <= 255 for a stateless service */
    psa_signal_t signal;     /* one bit, >= bit 4 */
    rp_sfn_fn sfn;           /* SFN model: the service function; IPC model: NULL */
    uint16_t partition;      /* index into rp_partitions[] */
    uint8_t flags;           /* RP_SVC_* */
    uint8_t stateless_index; /* 1..32 for a stateless service, else 0 */
} rp_service_t;

typedef struct rp_irq {
    uint32_t source;                  /* interrupt number (NVIC IRQn) */
    psa_signal_t signal;              /* one bit, above the partition's service signals */
    uint8_t handling;                 /* RP_IRQ_FLIH / RP_IRQ_SLIH */
    psa_flih_result_t (*flih)(void);  /* FLIH: `<irq name>_flih`; SLIH: NULL */
    uint16_t partition;               /* index into rp_partitions[] */
} rp_irq_t;

/* One MMIO region a partition may access. A named region (FF-M `name`, resolved by the
 * platform) has name != NULL and base = size = 0; a numbered one has name == NULL. */
typedef struct rp_mmio {
    const char *name;
    uintptr_t base;
    uint32_t size;
    uint8_t permission; /* RP_MMIO_* */
} rp_mmio_t;

typedef struct rp_partition {
    const char *name;       /* manifest name, as written */
    int32_t id;             /* > 0; the manifest's `id` or assigned from 256 up */
    uint8_t type;           /* RP_PART_* */
    uint8_t model;          /* RP_MODEL_* */
    uint8_t priority;       /* RP_PRIO_* */
    uint8_t n_services, n_irqs, n_deps, n_mmio;
    uint16_t first_service, first_irq, first_dep, first_mmio;
    void (*entry)(void);          /* IPC: entry_point; SFN: NULL */
    psa_status_t (*init)(void);   /* SFN: entry_init or NULL; IPC: NULL */
    uint64_t *stack;        /* IPC: its stack (section .rp_part.<name>.stack); SFN: NULL */
    uint32_t stack_size;    /* bytes, multiple of 8, as the manifest says (SFN too) */
    psa_signal_t signals;   /* OR of all its service and IRQ signals */
} rp_partition_t;

extern const rp_partition_t rp_partitions[];
extern const uint16_t rp_partition_count;

extern const rp_service_t rp_services[];
extern const uint16_t rp_service_count;
extern const uint16_t rp_services_by_sid[]; /* rp_service_count indices, SID ascending */

extern const rp_service_t *const rp_stateless_services[RP_STATELESS_SLOTS];

/* The NS agent's quick look-up of a stateless handle (spm/ns_agent_tz/veneers.c): the rules
 * of rp_stateless_lookup for an NS caller, as data. Entry i serves the handles whose index
 * is i modulo 2^RP_NS_STATELESS_BITS (rp_manifest_config.h: the highest index in use fits).
 * Handle h may call entry e's service iff (uint32_t)(e->key - h) <= e->span: key is the
 * handle of the service's own version, span how many lower versions it also takes (0:
 * STRICT; its version: RELAXED, which takes 0..version). As span is at most key's version
 * byte, a match has key's form and index. An entry of no service, or of one NS clients may
 * not use, has key = its index ^ 1 in the index field: it matches no handle that leads
 * to it. */
typedef struct rp_ns_stateless {
    const rp_service_t *svc; /* NULL: none */
    uint32_t key;
    uint32_t span;
    uint32_t partition;      /* svc->partition, here for the one LDM of the entry */
} rp_ns_stateless_t;
extern const rp_ns_stateless_t rp_ns_stateless[];

extern const rp_irq_t rp_irqs[];
extern const uint16_t rp_irq_count;

extern const uint32_t rp_dependencies[]; /* SIDs a partition may connect to / call */
extern const uint16_t rp_dependency_count;

extern const rp_mmio_t rp_mmio[];
extern const uint16_t rp_mmio_count;

#endif
