/* ps_sp.c - the PS partition: the PSA PS 1.0 service over rp_ps, on the platform's PS area
 * (an rp_its instance of its own), the platform's NV counters (rollback protection) and
 * its HUK. One stateless service, RP_PS (message format: rp_storage_ipc.h); the caller's
 * client id is the namespace. SFN (manifest.yaml) or IPC (manifest_ipc.yaml) model.
 *
 * The message is validated whole before rp_ps is called; data crosses only through
 * psa_read / psa_write and the partition's own transfer buffer; the bytes a call put
 * there (plaintext) are wiped before it returns. */
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/rp_ps_sp.h"
#include "rp_ct.h"
#include "rp_ps.h"
#include "rp_storage_ipc.h"
#include "rp_storage_platform.h"

/* FORMATS.md 5 limits: 10 assets of at most 2048 bytes; six 8 KiB blocks (docs/storage.md:
 * with 4 KiB blocks only one 2 KiB object fits per block). */
#define PS_MAX_ASSETS  10u
#define PS_MAX_ASSET   2048u
#define PS_BLOCK_SIZE  8192u
#define PS_MAX_BLOCKS  8u
#define PS_ITS_FILES   (PS_MAX_ASSETS + 3u)

static struct rp_ps ps;
static struct rp_its_slot slots[RP_ITS_SLOT_RAM(PS_ITS_FILES)];
static uint16_t blocks[RP_ITS_BLOCK_RAM(PS_MAX_BLOCKS)];
static uint8_t xfer[PS_MAX_ASSET] __attribute__((aligned(4)));

/* Mounts and authenticates the PS area. A failure (e.g. INVALID_SIGNATURE after a
 * rollback) is not fatal to the partition: every call reports it. out: PSA_SUCCESS. */
psa_status_t rp_ps_sp_init(void)
{
    const struct rp_flash *f = rp_platform_ps_flash();
    uint32_t spb = PS_BLOCK_SIZE / f->sector_size;
    struct rp_ps_config cfg = {
        { f, 0, spb, f->sector_count / spb, PS_ITS_FILES,
          RP_PS_IV_SIZE + RP_PS_OBJ_HDR + PS_MAX_ASSET, slots, blocks,
          sizeof slots / sizeof slots[0], sizeof blocks / sizeof blocks[0] },
        { rp_platform_get_huk, NULL, rp_platform_ps_nv_counters() },
        PS_MAX_ASSETS,
        PS_MAX_ASSET,
    };
    (void)rp_ps_mount(&ps, &cfg);
    return PSA_SUCCESS;
}

/* 1 if msg has exactly: the request in in_vec[0] (if req), in_vec[1] only if data_in,
 * out_vec[0] only if out0 (exactly out0_size bytes when that is not 0), nothing else. */
static int shape_ok(const psa_msg_t *msg, int req, int data_in, int out0, size_t out0_size)
{
    return msg->in_size[0] == (req ? sizeof(struct rp_storage_req) : 0u) &&
           (data_in || msg->in_size[1] == 0) && msg->in_size[2] == 0 &&
           msg->in_size[3] == 0 && (out0 || msg->out_size[0] == 0) &&
           (out0_size == 0 || msg->out_size[0] == out0_size) && msg->out_size[1] == 0 &&
           msg->out_size[2] == 0 && msg->out_size[3] == 0;
}

static int shape_of(const psa_msg_t *msg)
{
    switch (msg->type) {
    case RP_STORAGE_SET: return shape_ok(msg, 1, 1, 0, 0);
    case RP_STORAGE_GET: return shape_ok(msg, 1, 0, 1, 0);
    case RP_STORAGE_GET_INFO: return shape_ok(msg, 1, 0, 1, sizeof(struct psa_storage_info_t));
    case RP_STORAGE_REMOVE: return shape_ok(msg, 1, 0, 0, 0);
    case RP_STORAGE_CREATE: return shape_ok(msg, 1, 0, 0, 0);
    case RP_STORAGE_SET_EXTENDED: return shape_ok(msg, 1, 1, 0, 0);
    case RP_STORAGE_GET_SUPPORT: return shape_ok(msg, 0, 0, 1, sizeof(uint32_t));
    default: return 0;
    }
}

/* The unused request fields of each call must be zero. */
static int fields_ok(int32_t type, const struct rp_storage_req *r)
{
    switch (type) {
    case RP_STORAGE_SET:
    case RP_STORAGE_GET:
    case RP_STORAGE_SET_EXTENDED: return r->arg2 == 0;
    case RP_STORAGE_CREATE: return 1;
    default: return (r->arg | r->arg2) == 0;
    }
}

static psa_status_t ps_set(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    size_t n = msg->in_size[1];
    /* Longer than the buffer is longer than the largest asset: rp_ps_set refuses it by
     * its length before it reads the data. */
    if (n > sizeof xfer) {
        return rp_ps_set(&ps, msg->client_id, r->uid, n, xfer, r->arg);
    }
    (void)psa_read(msg->handle, 1, xfer, n);
    psa_status_t st = rp_ps_set(&ps, msg->client_id, r->uid, n, xfer, r->arg);
    rp_wipe(xfer, n);
    return st;
}

static psa_status_t ps_get(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    size_t want = msg->out_size[0] < sizeof xfer ? msg->out_size[0] : sizeof xfer, got = 0;
    psa_status_t st = rp_ps_get(&ps, msg->client_id, r->uid, r->arg, want, xfer, &got);
    if (st == PSA_SUCCESS) {
        psa_write(msg->handle, 0, xfer, got);
        rp_wipe(xfer, got);
    }
    return st;
}

static psa_status_t ps_get_info(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    struct psa_storage_info_t info;
    psa_status_t st = rp_ps_get_info(&ps, msg->client_id, r->uid, &info);
    if (st == PSA_SUCCESS) {
        psa_write(msg->handle, 0, &info, sizeof info);
    }
    return st;
}

static psa_status_t ps_dispatch(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    uint32_t support;
    switch (msg->type) {
    case RP_STORAGE_SET: return ps_set(msg, r);
    case RP_STORAGE_GET: return ps_get(msg, r);
    case RP_STORAGE_GET_INFO: return ps_get_info(msg, r);
    case RP_STORAGE_REMOVE: return rp_ps_remove(&ps, msg->client_id, r->uid);
    case RP_STORAGE_CREATE:
        return rp_ps_create(&ps, msg->client_id, r->uid, r->arg2, r->arg);
    case RP_STORAGE_SET_EXTENDED:
        return rp_ps_set_extended(&ps, msg->client_id, r->uid, r->arg, msg->in_size[1], xfer);
    default:
        support = rp_ps_get_support();
        psa_write(msg->handle, 0, &support, sizeof support);
        return PSA_SUCCESS;
    }
}

/* The RP_PS service function (SFN model; the IPC loop below calls it too). */
psa_status_t rp_ps_sfn(const psa_msg_t *msg)
{
    struct rp_storage_req r = { 0, 0, 0 };
    if (!shape_of(msg) ||
        (msg->in_size[0] != 0 && psa_read(msg->handle, 0, &r, sizeof r) != sizeof r) ||
        !fields_ok(msg->type, &r)) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    return ps_dispatch(msg, &r);
}

/* IPC model: mount, then answer RP_PS messages for ever. */
void rp_ps_sp_main(void)
{
    psa_msg_t msg;
    (void)rp_ps_sp_init();
    for (;;) {
        if ((psa_wait(RP_PS_SIGNAL, PSA_BLOCK) & RP_PS_SIGNAL) != 0 &&
            psa_get(RP_PS_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_ps_sfn(&msg));
        }
    }
}
