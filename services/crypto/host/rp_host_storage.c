/* rp_host_storage.c - PSA Internal Trusted Storage 1.0 and Protected Storage 1.0 in the
 * host library: the firmware's own ITS and PS cores (services/its, services/ps) over
 * simulated flash with flash semantics, kept in files of the storage directory
 * (rp_host_set_storage_dir: "its.flash", "ps.flash" and "ps.nvc", the PS NV counters), or
 * in RAM only when no directory is set. Assets belong to the current host client
 * (rp_host_set_client), as they belong to the calling client on the device; limits are the
 * device's (docs/storage.md). */
#include <stdio.h>
#include <string.h>

#include "flash_sim.h"
#include "psa/internal_trusted_storage.h"
#include "psa/protected_storage.h"
#include "rp_crypto_core.h"
#include "rp_its.h"
#include "rp_ps.h"

int32_t rp_host_client(void);
const char *rp_host_storage_path(void);

#define SECTOR 4096u
#define ITS_SECTORS 4u     /* 16 KiB: four 4 KiB blocks, as on AN521 */
#define PS_SECTORS 12u     /* 48 KiB: six 8 KiB blocks, as on AN521 */

static struct {
    struct rp_flash_sim sim;
    uint8_t mem[ITS_SECTORS * SECTOR];
    struct rp_its fs;
    struct rp_its_slot slots[RP_ITS_SLOT_RAM(10)];
    uint16_t blocks[RP_ITS_BLOCK_RAM(ITS_SECTORS)];
    int mounted;
} its_h;

static struct {
    struct rp_flash_sim sim;
    uint8_t mem[PS_SECTORS * SECTOR];
    struct rp_ps ps;
    struct rp_its_slot slots[RP_ITS_SLOT_RAM(13)];
    uint16_t blocks[RP_ITS_BLOCK_RAM(PS_SECTORS / 2)];
    int mounted;
} ps_h;

/* Puts a file of the storage directory behind sim (created from the erased flash when
 * missing). Without a directory the flash stays in RAM. */
static void attach(struct rp_flash_sim *sim, const char *name)
{
    const char *dir = rp_host_storage_path();
    char path[256];
    if (dir != NULL) {
        snprintf(path, sizeof path, "%s/%s", dir, name);
        (void)rp_flash_sim_attach_file(sim, path);
    }
}

/* The PS NV counters live in "ps.nvc" next to the flash: read at mount, written after
 * each PS call that may have raised them. */
static void nvc_file(int write)
{
    const char *dir = rp_host_storage_path();
    char path[256];
    if (dir == NULL) {
        return;
    }
    snprintf(path, sizeof path, "%s/ps.nvc", dir);
    FILE *f = fopen(path, write ? "wb" : "rb");
    if (f != NULL) {
        size_t n = write ? fwrite(ps_h.sim.nv, sizeof ps_h.sim.nv, 1, f)
                         : fread(ps_h.sim.nv, sizeof ps_h.sim.nv, 1, f);
        (void)n; /* a short read leaves zeros: a fresh device */
        fclose(f);
    }
}

static struct rp_its *its_fs(void)
{
    if (!its_h.mounted) {
        rp_flash_sim_init(&its_h.sim, its_h.mem, SECTOR, ITS_SECTORS, 4, 0xFF);
        attach(&its_h.sim, "its.flash");
        struct rp_its_config cfg = {
            &its_h.sim.flash, 0, 1, ITS_SECTORS, 10, 512, its_h.slots, its_h.blocks,
            sizeof its_h.slots / sizeof its_h.slots[0],
            sizeof its_h.blocks / sizeof its_h.blocks[0],
        };
        its_h.mounted = rp_its_mount(&its_h.fs, &cfg) == PSA_SUCCESS;
    }
    return &its_h.fs;
}

static int host_huk(void *ctx, uint8_t huk[RP_PS_HUK_SIZE])
{
    (void)ctx;
    rp_crypto_platform_huk(huk);
    return 0;
}

static struct rp_ps *ps_store(void)
{
    if (!ps_h.mounted) {
        rp_flash_sim_init(&ps_h.sim, ps_h.mem, SECTOR, PS_SECTORS, 4, 0xFF);
        attach(&ps_h.sim, "ps.flash");
        nvc_file(0);
        struct rp_ps_config cfg = {
            { &ps_h.sim.flash, 0, 2, PS_SECTORS / 2, 13,
              RP_PS_IV_SIZE + RP_PS_OBJ_HDR + 2048, ps_h.slots, ps_h.blocks,
              sizeof ps_h.slots / sizeof ps_h.slots[0],
              sizeof ps_h.blocks / sizeof ps_h.blocks[0] },
            { host_huk, NULL, &ps_h.sim.nvc },
            10,
            2048,
        };
        (void)rp_ps_mount(&ps_h.ps, &cfg); /* a failure is reported by every call */
        ps_h.mounted = 1;
    }
    return &ps_h.ps;
}

psa_status_t psa_its_set(psa_storage_uid_t uid, size_t data_length, const void *p_data,
                         psa_storage_create_flags_t create_flags)
{
    return rp_its_set(its_fs(), rp_host_client(), uid, data_length, p_data, create_flags);
}

psa_status_t psa_its_get(psa_storage_uid_t uid, size_t data_offset, size_t data_size,
                         void *p_data, size_t *p_data_length)
{
    return rp_its_get(its_fs(), rp_host_client(), uid, data_offset, data_size, p_data,
                      p_data_length);
}

psa_status_t psa_its_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info)
{
    return rp_its_get_info(its_fs(), rp_host_client(), uid, p_info);
}

psa_status_t psa_its_remove(psa_storage_uid_t uid)
{
    return rp_its_remove(its_fs(), rp_host_client(), uid);
}

psa_status_t psa_ps_set(psa_storage_uid_t uid, size_t data_length, const void *p_data,
                        psa_storage_create_flags_t create_flags)
{
    psa_status_t s = rp_ps_set(ps_store(), rp_host_client(), uid, data_length, p_data,
                               create_flags);
    nvc_file(1);
    return s;
}

psa_status_t psa_ps_get(psa_storage_uid_t uid, size_t data_offset, size_t data_size,
                        void *p_data, size_t *p_data_length)
{
    return rp_ps_get(ps_store(), rp_host_client(), uid, data_offset, data_size, p_data,
                     p_data_length);
}

psa_status_t psa_ps_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info)
{
    return rp_ps_get_info(ps_store(), rp_host_client(), uid, p_info);
}

psa_status_t psa_ps_remove(psa_storage_uid_t uid)
{
    psa_status_t s = rp_ps_remove(ps_store(), rp_host_client(), uid);
    nvc_file(1);
    return s;
}

psa_status_t psa_ps_create(psa_storage_uid_t uid, size_t capacity,
                           psa_storage_create_flags_t create_flags)
{
    (void)uid;
    (void)capacity;
    (void)create_flags;
    return PSA_ERROR_NOT_SUPPORTED; /* as on the device: PS 1.0's optional API */
}

psa_status_t psa_ps_set_extended(psa_storage_uid_t uid, size_t data_offset,
                                 size_t data_length, const void *p_data)
{
    (void)uid;
    (void)data_offset;
    (void)data_length;
    (void)p_data;
    return PSA_ERROR_NOT_SUPPORTED;
}

uint32_t psa_ps_get_support(void)
{
    return 0;
}
