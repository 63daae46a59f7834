/* rp_spm_core.h - the SPM's pure checking logic: what every psa_connect / psa_call must pass
 * before the SPM changes any state. No hardware, no globals: the firmware and the host tests
 * run the same code. The firmware plugs its TT-based access check into rp_iovec_check and
 * passes the generated tables (rp_spm_tables.h) to the look-ups.
 *
 * Error convention: a check returns PSA_SUCCESS or the status FF-M 1.1 prescribes
 * (PSA_ERROR_PROGRAMMER_ERROR for a fault of the caller). The SPM entry converts a
 * programmer error into its consequence (panic a secure caller, return it to NS) in one place.
 */
#ifndef RP_SPM_CORE_H
#define RP_SPM_CORE_H

#include <stddef.h>
#include <stdint.h>
#include "psa/client.h"
#include "psa/service.h"
#include "rp_spm_tables.h"

/* ---- psa_call arguments ------------------------------------------------------------- */

/* Why an iovec set was refused (0 = accepted). Every non-zero value means
 * PSA_ERROR_PROGRAMMER_ERROR; the reasons exist for tests and debug logs. */
#define RP_IOVEC_OK       0
#define RP_IOVEC_TOO_MANY 1 /* in_len > 4, out_len > 4 or in_len + out_len > PSA_MAX_IOVEC */
#define RP_IOVEC_NULL     2 /* len > 0 with base NULL */
#define RP_IOVEC_WRAP     3 /* base + len runs past the end of the address space */
#define RP_IOVEC_ACCESS   4 /* the caller may not read (in) / read-write (out) the range */
#define RP_IOVEC_OVERLAP  5 /* two non-empty out_vec ranges share a byte */

/* The caller's access check: non-zero if the caller may access [p, p+len) - for reading,
 * or for reading and writing when `write` is non-zero. Called only with len > 0 and a range
 * that does not wrap. Firmware: cmse_check_address_range() with the caller's security state
 * and privilege; host: a region list. */
typedef int (*rp_access_fn)(void *ctx, const void *p, size_t len, int write);

/* Validate the iovecs of one psa_call (FF-M 1.1 psa_call, PROGRAMMER ERROR cases).
 * in:  in_vec[0..in_len-1], out_vec[0..out_len-1]: the caller's vectors, already copied into
 *      secure memory (this function reads each field once and never through base);
 *      either array may be NULL when its count is 0; can_access(ctx, ...) as above.
 * out: RP_IOVEC_OK, or the first failing rule in this order: counts (before any array is
 *      read), then in_vec[0..], then out_vec[0..] each for NULL, wrap, access, then
 *      out_vec overlap. A vector with len 0 is accepted whatever its base, unchecked.
 * Overlap rule (Rampart's choice, docs/manifest.md): out_vec ranges must not overlap each
 * other; an in_vec may overlap an out_vec (in-place operations, as the PSA Crypto API lets
 * clients do) and in_vecs may overlap each other. */
int rp_iovec_check(const psa_invec *in_vec, size_t in_len,
                   const psa_outvec *out_vec, size_t out_len,
                   rp_access_fn can_access, void *ctx);

/* The parts of rp_iovec_check, for a caller that copies and checks each vector in one
 * pass (the SPM's call path); rp_iovec_check is built from them, so the host tests and
 * the fuzzer cover them.
 * rp_iovec_form: one vector's own rules, before its access check: RP_IOVEC_OK for
 *   len 0 (base unchecked), else RP_IOVEC_NULL for base NULL, RP_IOVEC_WRAP if
 *   [base, base+len) runs past the top of the address space (ending exactly at the top
 *   is fine). Inline: it is on the path of every vector.
 * rp_iovec_outvecs_overlap: 1 if two non-empty vectors of out_vec[0..out_len-1] share
 *   a byte (each already passed rp_iovec_form), else 0. */
static inline int rp_iovec_form(const void *base, size_t len)
{
    if (len == 0u) {
        return RP_IOVEC_OK;
    }
    if (base == NULL) {
        return RP_IOVEC_NULL;
    }
    return (uintptr_t)(len - 1u) > UINTPTR_MAX - (uintptr_t)base ? RP_IOVEC_WRAP
                                                                 : RP_IOVEC_OK;
}

int rp_iovec_outvecs_overlap(const psa_outvec *out_vec, size_t out_len);

/* A caller's in_vec or out_vec array must be aligned as its type (4 bytes): the SPM reads
 * it by words (LDRD and LDM fault on any other address, whatever the core's unaligned
 * access setting), so an array that is not is refused, a PROGRAMMER ERROR, before it is
 * read. 1 if arr is aligned. */
static inline int rp_iovec_array_aligned(const void *arr)
{
    return ((uintptr_t)arr & 3u) == 0u;
}

/* psa_call `type`: FF-M 1.1 makes type < PSA_IPC_CALL (0) a PROGRAMMER ERROR. Rampart also
 * refuses type > INT16_MAX (RP_CALL_TYPE_MAX) so that the veneer may pack the type with the
 * vector counts into one register; docs/manifest.md says so.
 * out: PSA_SUCCESS or PSA_ERROR_PROGRAMMER_ERROR. */
#define RP_CALL_TYPE_MAX 0x7fff
psa_status_t rp_call_type_check(int32_t type);

/* ---- services ----------------------------------------------------------------------- */

/* The service with this SID, or NULL.
 * in: svcs[0..count-1] and by_sid[0..count-1] as generated (rp_services, rp_services_by_sid:
 *     indices into svcs in ascending SID order). Binary search, O(log count). */
const rp_service_t *rp_service_find(const rp_service_t *svcs, const uint16_t *by_sid,
                                    uint16_t count, uint32_t sid);

/* May this client use this service at this version? (FF-M 1.1 psa_connect: a SID that is
 * not present, a version that is not supported and a caller that is not allowed are all
 * PROGRAMMER ERRORs; the same rules guard a stateless psa_call.)
 * in:  svc (NULL = SID not present); client_id < 0 for a non-secure client; version asked.
 *      Version policy: STRICT accepts only svc->version; RELAXED any version <= svc->version.
 *      A non-secure client needs RP_SVC_NS_CLIENTS.
 * out: PSA_SUCCESS or PSA_ERROR_PROGRAMMER_ERROR. */
psa_status_t rp_service_access_check(const rp_service_t *svc, int32_t client_id,
                                     uint32_t version);

/* psa_version(): the service's version, or PSA_VERSION_NONE if svc is NULL or the client
 * may not access it (FF-M 1.1). */
uint32_t rp_service_version(const rp_service_t *svc, int32_t client_id);

/* May secure partition `part` connect to / call `sid`? FF-M: a secure client may use only
 * the services its manifest lists in `dependencies`.
 * in:  part as generated; deps = rp_dependencies.
 * out: PSA_SUCCESS or PSA_ERROR_PROGRAMMER_ERROR. */
psa_status_t rp_dependency_check(const rp_partition_t *part, const uint32_t *deps,
                                 uint32_t sid);

/* ---- handles ------------------------------------------------------------------------ */

/* Stateless handle (generated into sid.h): 0x40000000 | index << 8 | (version & 0xff),
 * index 1..32. Connection handles never have bit 30 set, so the bit tells them apart. */
#define RP_HANDLE_STATELESS_BIT 0x40000000
#define RP_HANDLE_STATELESS_MASK 0x40003fff /* every bit a stateless handle may have */

/* 1 if h has the stateless form: bit 30 set and no bit outside RP_HANDLE_STATELESS_MASK
 * (bits 31..14 are exactly 0100...0: one shift and one compare). Anything else is a
 * connection handle or nothing. */
static inline int rp_handle_is_stateless(psa_handle_t h)
{
    return ((uint32_t)h >> 14) == ((uint32_t)RP_HANDLE_STATELESS_BIT >> 14);
}

/* Decode a stateless handle and check that the caller may use it.
 * in:  h; table = rp_stateless_services (RP_STATELESS_SLOTS = 64 entries, indexed by the
 *      handle's 6-bit index field directly: entries 0 and 33..63 are NULL, so the index
 *      needs no range test); client_id of the caller.
 * out: PSA_SUCCESS and *svc set, or PSA_ERROR_PROGRAMMER_ERROR (bad form, index outside
 *      1..32 or unused, version refused by the policy, NS caller not allowed) with *svc
 *      untouched. The handle's version byte is the version asked. */
/* Inline: on the path of every stateless call. */
static inline __attribute__((always_inline)) psa_status_t
rp_stateless_lookup(psa_handle_t h, const rp_service_t *const table[],
                    int32_t client_id, const rp_service_t **svc)
{
    uint32_t index, version;
    const rp_service_t *s;

    if (!rp_handle_is_stateless(h)) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    index = ((uint32_t)h >> 8) & 0x3fu;
    version = (uint32_t)h & 0xffu;
    s = table[index];
    if (rp_service_access_check(s, client_id, version) != PSA_SUCCESS) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    *svc = s;
    return PSA_SUCCESS;
}

/* Connection pool: a caller-provided array of slots; handle = (gen & 0x7fff) << 8 | (slot+1),
 * so a handle is in 1..0x7fffff: positive, bit 30 clear. Releasing a slot bumps its
 * generation, so a stale handle (closed connection) no longer matches. */
#define RP_CONN_POOL_MAX 255u

typedef struct rp_conn {
    void *rhandle;      /* psa_set_rhandle() value */
    int32_t client_id;  /* owner: only it may use the handle */
    uint16_t service;   /* index into rp_services */
    uint16_t gen;       /* generation, 15 bits used */
    uint8_t in_use;
    uint8_t busy;       /* a message of this connection is being handled */
} rp_conn_t;

/* Mark every slot free. in: pool[0..n-1], n <= RP_CONN_POOL_MAX. */
void rp_conn_pool_init(rp_conn_t *pool, size_t n);

/* Take a free slot for (service, client_id).
 * out: its handle (> 0), or PSA_NULL_HANDLE when all n slots are in use (the SPM answers
 *      PSA_ERROR_CONNECTION_BUSY). */
psa_handle_t rp_conn_alloc(rp_conn_t *pool, size_t n, uint16_t service, int32_t client_id);

/* The live connection `h` of client_id, or NULL if h is not a connection handle, names no
 * slot, names a free slot, is stale (generation differs) or belongs to another client. */
/* Inline: on the path of every connection-based call and close. */
#define RP_CONN_GEN_MASK 0x7fffu
#define RP_CONN_HANDLE_MASK 0x7fffff /* 15 generation bits above 8 slot bits */
static inline __attribute__((always_inline)) rp_conn_t *
rp_conn_lookup(rp_conn_t *pool, size_t n, psa_handle_t h, int32_t client_id)
{
    uint32_t slot, gen;
    rp_conn_t *c;

    if (h <= 0 || (h & ~RP_CONN_HANDLE_MASK) != 0) {
        return NULL;
    }
    slot = ((uint32_t)h & 0xffu);
    gen = (uint32_t)h >> 8;
    if (slot == 0u || slot > n) {
        return NULL;
    }
    c = &pool[slot - 1u];
    if (!c->in_use || (c->gen & RP_CONN_GEN_MASK) != gen || c->client_id != client_id) {
        return NULL;
    }
    return c;
}

/* Free a slot found by rp_conn_lookup (cannot fail). */
void rp_conn_release(rp_conn_t *c);

#endif
