/* its_sp.c - the ITS partition: the PSA ITS 1.0 service over rp_its on the platform's ITS
 * area. One stateless service, RP_ITS (message format: rp_storage_ipc.h). The caller's
 * client id (msg->client_id: < 0 non-secure, > 0 a secure partition) is the namespace.
 * The same source is an SFN partition (manifest.yaml: rp_its_sp_init, rp_its_sfn) or an
 * IPC one (manifest_ipc.yaml: rp_its_sp_main).
 *
 * The message is validated whole before rp_its is called; data crosses only through
 * psa_read / psa_write and the partition's own transfer buffer, so a client cannot change
 * it while ITS works on it. */
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/rp_its_sp.h"
#include "rp_its.h"
#include "rp_storage_ipc.h"
#include "rp_storage_platform.h"

/* FORMATS.md 4.1 limits: 10 assets of at most 512 bytes; 4 KiB blocks over the area. */
#define ITS_MAX_FILES  10u
#define ITS_MAX_ASSET  512u
#define ITS_BLOCK_SIZE 4096u
#define ITS_MAX_BLOCKS 8u

static struct rp_its its;
static struct rp_its_slot slots[RP_ITS_SLOT_RAM(ITS_MAX_FILES)];
static uint16_t blocks[RP_ITS_BLOCK_RAM(ITS_MAX_BLOCKS)];
static uint8_t xfer[ITS_MAX_ASSET] __attribute__((aligned(4)));

/* Mounts (formats a blank area). A failure is not fatal: every call mounts again first and
 * reports the failure itself. out: PSA_SUCCESS. */
psa_status_t rp_its_sp_init(void)
{
    const struct rp_flash *f = rp_platform_its_flash();
    uint32_t spb = ITS_BLOCK_SIZE / f->sector_size;
    struct rp_its_config cfg = {
        f, 0, spb, f->sector_count / spb, ITS_MAX_FILES, ITS_MAX_ASSET,
        slots, blocks, sizeof slots / sizeof slots[0], sizeof blocks / sizeof blocks[0],
    };
    (void)rp_its_mount(&its, &cfg);
    return PSA_SUCCESS;
}

/* 1 if msg has exactly the request in in_vec[0], in_vec[1] only if data_in, out_vec[0]
 * only if out0 (of exactly out0_size bytes when that is not 0), and nothing else. */
static int shape_ok(const psa_msg_t *msg, int data_in, int out0, size_t out0_size)
{
    return msg->in_size[0] == sizeof(struct rp_storage_req) &&
           (data_in || msg->in_size[1] == 0) && msg->in_size[2] == 0 &&
           msg->in_size[3] == 0 && (out0 || msg->out_size[0] == 0) &&
           (out0_size == 0 || msg->out_size[0] == out0_size) && msg->out_size[1] == 0 &&
           msg->out_size[2] == 0 && msg->out_size[3] == 0;
}

static psa_status_t its_set(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    size_t n = msg->in_size[1];
    if (r->arg2 != 0) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    /* Longer than the buffer is longer than the largest asset: rp_its_set refuses it
     * (INVALID_ARGUMENT) by its length before it reads the data. */
    if (n <= sizeof xfer) {
        (void)psa_read(msg->handle, 1, xfer, n);
    }
    return rp_its_set(&its, msg->client_id, r->uid, n, xfer, r->arg);
}

static psa_status_t its_get(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    size_t want = msg->out_size[0] < sizeof xfer ? msg->out_size[0] : sizeof xfer, got = 0;
    if (r->arg2 != 0) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    psa_status_t st = rp_its_get(&its, msg->client_id, r->uid, r->arg, want, xfer, &got);
    if (st == PSA_SUCCESS) {
        psa_write(msg->handle, 0, xfer, got);
    }
    return st;
}

static psa_status_t its_get_info(const psa_msg_t *msg, const struct rp_storage_req *r)
{
    struct psa_storage_info_t info;
    if ((r->arg | r->arg2) != 0) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    psa_status_t st = rp_its_get_info(&its, msg->client_id, r->uid, &info);
    if (st == PSA_SUCCESS) {
        psa_write(msg->handle, 0, &info, sizeof info);
    }
    return st;
}

/* The RP_ITS service function (SFN model; the IPC loop below calls it too). */
psa_status_t rp_its_sfn(const psa_msg_t *msg)
{
    struct rp_storage_req r;
    int ok;
    switch (msg->type) {
    case RP_STORAGE_SET: ok = shape_ok(msg, 1, 0, 0); break;
    case RP_STORAGE_GET: ok = shape_ok(msg, 0, 1, 0); break;
    case RP_STORAGE_GET_INFO: ok = shape_ok(msg, 0, 1, sizeof(struct psa_storage_info_t)); break;
    case RP_STORAGE_REMOVE: ok = shape_ok(msg, 0, 0, 0); break;
    default: ok = 0; break;
    }
    if (!ok || psa_read(msg->handle, 0, &r, sizeof r) != sizeof r) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    switch (msg->type) {
    case RP_STORAGE_SET: return its_set(msg, &r);
    case RP_STORAGE_GET: return its_get(msg, &r);
    case RP_STORAGE_GET_INFO: return its_get_info(msg, &r);
    default:
        return (r.arg | r.arg2) != 0 ? PSA_ERROR_PROGRAMMER_ERROR
                                     : rp_its_remove(&its, msg->client_id, r.uid);
    }
}

/* IPC model: mount, then answer RP_ITS messages for ever. */
void rp_its_sp_main(void)
{
    psa_msg_t msg;
    (void)rp_its_sp_init();
    for (;;) {
        if ((psa_wait(RP_ITS_SIGNAL, PSA_BLOCK) & RP_ITS_SIGNAL) != 0 &&
            psa_get(RP_ITS_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_its_sfn(&msg));
        }
    }
}
