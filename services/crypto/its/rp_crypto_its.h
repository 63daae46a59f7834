/* rp_crypto_its.h - the crypto core's persistent key store on Rampart's ITS filesystem
 * (services/its/include/rp_its.h): one ITS file per key record.
 *
 * All records belong to one ITS client, its_client (the Crypto partition's own id); the
 * key's owner is in the uid, so clients' keys never meet:
 *   uid = RP_CRYPTO_ITS_UID(owner, key id) (rp_crypto_core.h).
 * Use: mount the filesystem, then
 *   rp_crypto_set_store(rp_crypto_its_store(&fs, MY_PARTITION_ID));
 * before rp_crypto_init(). One store at a time (the adapter keeps the instance). */
#ifndef RP_CRYPTO_ITS_H
#define RP_CRYPTO_ITS_H

#include <stdint.h>
#include "rp_crypto_core.h"
#include "rp_its.h"

const struct rp_crypto_store *rp_crypto_its_store(struct rp_its *fs, int32_t its_client);

/* The uid layout: RP_CRYPTO_ITS_UID in rp_crypto_core.h. */

#endif
