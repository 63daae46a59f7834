/* rp_attest_ipc.h - the messages between the attestation client library
 * (interface/src/psa_attest_ns.c) and the attestation partition (attest_sp.c).
 *
 * | type | in_vec[0] | out_vec[0] |
 * | RP_ATTEST_GET_TOKEN | the challenge (its length is the challenge size) | token buffer |
 * | RP_ATTEST_GET_TOKEN_SIZE | u32 challenge size | u32 token size |
 * | RP_ATTEST_GET_PUBLIC_KEY | (none) | key buffer (>= 65 bytes) |
 * No other vectors. Anything else is PSA_ERROR_PROGRAMMER_ERROR. */
#ifndef RP_ATTEST_IPC_H
#define RP_ATTEST_IPC_H

#define RP_ATTEST_GET_TOKEN      1
#define RP_ATTEST_GET_TOKEN_SIZE 2
#define RP_ATTEST_GET_PUBLIC_KEY 3

#endif
