/* rp_host_store.c - the host library's platform: persistent keys in files, entropy from
 * the kernel, a hardware unique key stand-in. Host only (uses stdio). */
#include <stdio.h>
#include <string.h>
#include "rp_host.h"
#include "rp_crypto_core.h"

static char dir_path[201];
static int dir_set;
static int initialised;

/* "<dir>/<owner>_<id>.rpk" (owner as 8 hex digits of its two's complement). */
static void key_path(char *out, size_t size, int32_t owner, psa_key_id_t id, const char *ext)
{
    snprintf(out, size, "%s/%08lx_%08lx.%s", dir_path, (unsigned long)(uint32_t)owner,
             (unsigned long)id, ext);
}

static psa_status_t file_set(void *ctx, int32_t owner, psa_key_id_t id, const uint8_t *d,
                             size_t len)
{
    char tmp[256], path[256];
    FILE *f;
    int ok;
    (void)ctx;
    key_path(tmp, sizeof tmp, owner, id, "tmp");
    key_path(path, sizeof path, owner, id, "rpk");
    f = fopen(tmp, "wb");
    if (!f)
        return PSA_ERROR_STORAGE_FAILURE;
    ok = fwrite(d, 1, len, f) == len;
    ok &= fflush(f) == 0;
    ok &= fclose(f) == 0;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return PSA_ERROR_STORAGE_FAILURE;
    }
    return PSA_SUCCESS;
}

static psa_status_t file_get(void *ctx, int32_t owner, psa_key_id_t id, uint8_t *buf,
                             size_t size, size_t *len)
{
    char path[256];
    uint8_t extra;
    FILE *f;
    size_t n;
    (void)ctx;
    key_path(path, sizeof path, owner, id, "rpk");
    f = fopen(path, "rb");
    if (!f)
        return PSA_ERROR_DOES_NOT_EXIST;
    n = size ? fread(buf, 1, size, f) : 0;
    /* one byte more than fits marks the record as oversized (the core rejects it) */
    if (fread(&extra, 1, 1, f) == 1)
        n = size + 1;
    fclose(f);
    *len = n;
    return PSA_SUCCESS;
}

static psa_status_t file_remove(void *ctx, int32_t owner, psa_key_id_t id)
{
    char path[256];
    (void)ctx;
    key_path(path, sizeof path, owner, id, "rpk");
    return remove(path) == 0 ? PSA_SUCCESS : PSA_ERROR_DOES_NOT_EXIST;
}

static const struct rp_crypto_store file_store = { file_set, file_get, file_remove, 0 };

psa_status_t rp_host_set_storage_dir(const char *dir)
{
    if (initialised)
        return PSA_ERROR_BAD_STATE;
    if (dir && strlen(dir) >= sizeof dir_path)
        return PSA_ERROR_INVALID_ARGUMENT;
    dir_set = dir != NULL;
    if (dir)
        strcpy(dir_path, dir);
    rp_crypto_set_store(dir ? &file_store : NULL);
    return PSA_SUCCESS;
}

/* The storage directory, or NULL (rp_host_storage.c keeps ITS and PS there too). */
const char *rp_host_storage_path(void)
{
    return dir_set ? dir_path : NULL;
}

/* Called by psa_crypto_init (rp_host_psa.c). */
void rp_host_mark_initialised(void);
void rp_host_mark_initialised(void)
{
    initialised = 1;
}

int rp_crypto_platform_entropy(uint8_t *out, size_t n)
{
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got;
    if (!f)
        return -1;
    got = fread(out, 1, n, f);
    fclose(f);
    return got == n ? 0 : -1;
}

/* The HUK: huk.bin in the storage directory (created from /dev/urandom on first use), or
 * a fixed development value without a directory. Not a secret on a host: the host library
 * is for testing applications, not for protecting keys. */
void rp_crypto_platform_huk(uint8_t huk[32])
{
    char path[256];
    FILE *f;
    for (int i = 0; i < 32; i++)
        huk[i] = (uint8_t)(0xA5 ^ i);
    if (!dir_set)
        return;
    snprintf(path, sizeof path, "%s/huk.bin", dir_path);
    f = fopen(path, "rb");
    if (f && fread(huk, 1, 32, f) == 32) {
        fclose(f);
        return;
    }
    if (f)
        fclose(f);
    if (rp_crypto_platform_entropy(huk, 32) == 0) {
        f = fopen(path, "wb");
        if (f) {
            fwrite(huk, 1, 32, f);
            fclose(f);
        }
    }
}
