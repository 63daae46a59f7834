/* rp_crypto_its.h - the crypto core's persistent key store on Rampart's ITS filesystem
 * (services/its/include/rp_its.h): one ITS file per key record.
 *
 * All records belong to one ITS client, its_client (the Crypto partition's own id); the
 * key's owner is in the uid, so clients' keys never meet:
 *   uid = RP_CRYPTO_ITS_UID(owner, key id) below.
 * Use: mount the filesystem, then
 *   rp_crypto_set_store(rp_crypto_its_store(&fs, MY_PARTITION_ID));
 * before rp_crypto_init(). One store at a time (the adapter keeps the instance). */
#ifndef RP_CRYPTO_ITS_H
#define RP_CRYPTO_ITS_H

#include <stdint.h>
#include "rp_crypto_core.h"
#include "rp_its.h"

const struct rp_crypto_store *rp_crypto_its_store(struct rp_its *fs, int32_t its_client);

/* The ITS uid of (owner, key id): owner's 32 bits in the high half, the key id (30 bits,
 * PSA_KEY_ID_USER_MAX) in the low half with bit 31 set, which marks a crypto key record
 * among the partition's other ITS files. */
#define RP_CRYPTO_ITS_UID(owner, id) \
    (((uint64_t)(uint32_t)(owner) << 32) | 0x80000000u | (uint64_t)(id))

#endif
