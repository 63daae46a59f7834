/* rp_test_services.h - the operations of the regression partitions, shared by the
 * partitions and the NS suite that calls them. */
#ifndef RP_TEST_SERVICES_H
#define RP_TEST_SERVICES_H

/* RP_TEST_ECHO call types */
#define RP_TEST_OP_ECHO      0
#define RP_TEST_OP_SIZES     1
#define RP_TEST_OP_PARTIAL   2
#define RP_TEST_OP_CLIENT_ID 3
#define RP_TEST_OP_STATUS    4
#define RP_TEST_OP_MAPPED    5
#define RP_TEST_OP_LIFECYCLE 6
#define RP_TEST_OP_DOORBELL  8 /* psa_notify itself, poll, psa_clear, poll: out {4 words} */
#define RP_TEST_OP_BUSY      7 /* in_vec[0]: uint32_t n; loops n times through SPM calls
                                  (psa_wait polls); out_vec[0]: a uint32_t: the NS
                                  interrupt latency KPI, NS re-entry test */
#define RP_TEST_CUSTOM_STATUS 42

/* RP_TEST_PROXY call types (partition B, a secure client of partition A) */
#define RP_TEST_PROXY_S_ONLY    0 /* psa_call RP_TEST_S_ONLY (a declared dependency) */
#define RP_TEST_PROXY_CONN      1 /* connect, call twice, close RP_TEST_CONN */
#define RP_TEST_PROXY_UNDECLARED 2 /* call RP_TEST_EMPTY: not a dependency -> B panics */

/* RP_TEST_PANIC call types */
#define RP_TEST_PANIC_NOW       0 /* psa_panic() */
#define RP_TEST_PANIC_OVERWRITE 1 /* psa_write past the out_vec: programmer error */
/* Memory the partition (Application RoT) must not touch at isolation level 2 or 3: */
#define RP_TEST_PANIC_READ_PSA_ROT  2 /* read partition A's (PSA RoT) data */
#define RP_TEST_PANIC_WRITE_PSA_ROT 3 /* write it */
#define RP_TEST_PANIC_READ_PERIPH   4 /* read TIMER0, a peripheral it did not declare */
#define RP_TEST_PANIC_READ_SPM      5 /* read the SPM's own data */
/* ... and at level 3 only: */
#define RP_TEST_PANIC_READ_AROT     6 /* read partition B's (Application RoT) data */
/* Takes every Crypto operation it may (RP_CRYPTO_OPS_PER_CLIENT) and volatile key slots
 * until the service refuses, then panics: the service must free them for the others. */
#define RP_TEST_PANIC_CRYPTO_HOG    0x100
/* mm-iovec misuse (level 1): in_vec 0 mapped and unmapped, RP_TEST_MAP_MARKER written to
 * out_vec 0, then the vector is unmapped again / mapped again: programmer errors */
#define RP_TEST_PANIC_UNMAP_TWICE   0x10
#define RP_TEST_PANIC_MAP_TWICE     0x11
#define RP_TEST_MAP_MARKER          0x600Du
/* levels 2 and 3 (the partition unprivileged): RP_TEST_MAP_MARKER written to out_vec 0,
 * then a psa_read into its own stack below its stack pointer / a psa_call whose out_vec
 * array lies there (where the SPM's frames of the API call live): programmer errors */
#define RP_TEST_PANIC_READ_BELOW_SP 0x12
#define RP_TEST_PANIC_CALL_BELOW_SP 0x13
/* levels 2 and 3: RP_TEST_MAP_MARKER written to out_vec 0, then an SVC whose r12 names
 * no API call (the SVC handler refuses it: the partition is stopped) */
#define RP_TEST_PANIC_BAD_SVC       0x14
/* every level: RP_TEST_MAP_MARKER written to out_vec 0, then psa_get with two signal bits
 * / with its service signal, no longer asserted (an SFN partition: psa_get at all):
 * programmer errors */
#define RP_TEST_PANIC_GET_TWO_BITS  0x15
#define RP_TEST_PANIC_GET_AGAIN     0x16
/* mm-iovec (level 1): RP_TEST_MAP_MARKER written to out_vec 0 (16 bytes) through its
 * mapping, which is then unmapped; then in_vec 0 (8 bytes) mapped and read with psa_read /
 * 8 bytes written to out_vec 0 with psa_write, word-aligned: programmer errors (a mapped
 * vector is closed to psa_read and psa_write, also on the SPM's quick paths) */
#define RP_TEST_PANIC_READ_MAPPED   0x17
#define RP_TEST_PANIC_WRITE_MAPPED  0x18
/* IPC model (levels 2 and 3): a call to RP_TEST_PANIC_GET, whose message the partition's
 * thread takes with psa_get into a misaligned psa_msg_t: a programmer error */
#define RP_TEST_PANIC_GET_MISALIGNED 0x19

/* RP_TEST_SLIH call types: out_vec[0] receives uint32_t results */
#define RP_TEST_SLIH_COUNT   0 /* in_vec[0]: uint32_t n; n timer interrupts, each waited for
                                  blocked in psa_wait; out: interrupts seen */
#define RP_TEST_SLIH_DISABLE 1 /* out: {was enabled, signal while disabled, delivered after
                                  re-enable} */

/* RP_TEST_FLIH call types */
#define RP_TEST_FLIH_COUNT   0 /* in_vec[0]: uint32_t n signals; the FLIH signals every
                                  second interrupt; out: {signals seen, FLIH calls} */

#endif
