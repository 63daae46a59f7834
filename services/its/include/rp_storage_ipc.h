/* rp_storage_ipc.h - the messages between the storage client libraries
 * (interface/src/psa_its_ns.c and psa_ps_ns.c, built for non-secure images and, unchanged,
 * for secure partitions) and the ITS and PS partitions. Each partition has one stateless
 * service (RP_ITS, RP_PS); the call type names the function:
 *
 *  type                     in_vec                                   out_vec
 *  RP_STORAGE_SET           [0] req {uid, arg = flags}  [1] data     -
 *  RP_STORAGE_GET           [0] req {uid, arg = offset}              [0] data buffer
 *  RP_STORAGE_GET_INFO      [0] req {uid}                            [0] psa_storage_info_t
 *  RP_STORAGE_REMOVE        [0] req {uid}                            -
 *  PS only:
 *  RP_STORAGE_CREATE        [0] req {uid, arg = flags, arg2 = capacity}  -
 *  RP_STORAGE_SET_EXTENDED  [0] req {uid, arg = offset}  [1] data    -
 *  RP_STORAGE_GET_SUPPORT   -                                        [0] uint32_t
 *
 * A get returns the bytes read as out_vec[0]'s written length. Fields a call does not use
 * are 0. A message of any other shape (vector count or size, unknown type, a non-zero
 * unused field) is answered PSA_ERROR_PROGRAMMER_ERROR and changes nothing. */
#ifndef RP_STORAGE_IPC_H
#define RP_STORAGE_IPC_H

#include <stdint.h>

#define RP_STORAGE_SET          1
#define RP_STORAGE_GET          2
#define RP_STORAGE_GET_INFO     3
#define RP_STORAGE_REMOVE       4
#define RP_STORAGE_CREATE       5
#define RP_STORAGE_SET_EXTENDED 6
#define RP_STORAGE_GET_SUPPORT  7

struct rp_storage_req {
    uint64_t uid;
    uint32_t arg;   /* flags (set, create) or offset (get, set_extended) */
    uint32_t arg2;  /* capacity (create) */
};

#endif
