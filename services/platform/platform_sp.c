/* platform_sp.c - the Platform partition: one stateless service, RP_PLATFORM (message
 * format: rp_platform_ipc.h; API: rp_platform_api.h): system reset, the platform's two
 * monotonic NV counters (rp_platform_nv_counters(): their own flash area, not PS's), and an
 * ioctl hook. The same source is an SFN partition (manifest.yaml) or an IPC one
 * (manifest_ipc.yaml). docs/platform.md. */
#include <stddef.h>
#include <stdint.h>

#include "psa/lifecycle.h"
#include "psa/service.h"
#include "psa_manifest/rp_platform_sp.h"
#include "rp_platform_api.h"
#include "rp_platform_ipc.h"
#include "rp_platform_spm.h"
#include "rp_storage_platform.h"

psa_status_t rp_platform_sp_init(void)
{
    return PSA_SUCCESS;
}

/* SYSRESETREQ: the SPM writes AIRCR for this partition (rp_spm_system_reset), which may
 * run unprivileged (isolation level 3). Returns only if the SPM refuses. */
static psa_status_t system_reset(void)
{
    return rp_spm_system_reset();
}

static psa_status_t nvc_read(const psa_msg_t *msg)
{
    const struct rp_nv_counters *c = rp_platform_nv_counters();
    uint32_t id = 0, v = 0;
    (void)psa_read(msg->handle, 0, &id, sizeof id);
    if (id >= c->count) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (c->read(c->ctx, id, &v) != RP_FLASH_OK) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    psa_write(msg->handle, 0, &v, sizeof v);
    return PSA_SUCCESS;
}

static psa_status_t nvc_increment(const psa_msg_t *msg)
{
    const struct rp_nv_counters *c = rp_platform_nv_counters();
    uint32_t id = 0, v = 0;
    (void)psa_read(msg->handle, 0, &id, sizeof id);
    if (id >= c->count) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (c->read(c->ctx, id, &v) != RP_FLASH_OK) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    if (v == UINT32_MAX) {
        return PSA_ERROR_NOT_PERMITTED;
    }
    return c->raise(c->ctx, id, v + 1u) == RP_FLASH_OK ? PSA_SUCCESS : PSA_ERROR_STORAGE_FAILURE;
}

/* The ioctl hook: requests this port answers (rp_platform_api.h); a port adds its own. */
static psa_status_t ioctl(const psa_msg_t *msg)
{
    uint32_t req = 0, v;
    (void)psa_read(msg->handle, 0, &req, sizeof req);
    if (req == RP_PLATFORM_IOCTL_CONFIRM_IMAGE) {
        return msg->in_size[1] != 0 ? PSA_ERROR_INVALID_ARGUMENT : rp_spm_image_confirm();
    }
    switch (req) {
    case RP_PLATFORM_IOCTL_IMAGE_STATE: {
        psa_status_t st = rp_spm_image_state();
        if (st < 0)
            return st;
        v = (uint32_t)st;
        break;
    }
    case RP_PLATFORM_IOCTL_LIFECYCLE: v = psa_rot_lifecycle_state(); break;
    case RP_PLATFORM_IOCTL_NV_COUNTERS: v = rp_platform_nv_counters()->count; break;
    default: return PSA_ERROR_NOT_SUPPORTED;
    }
    if (msg->in_size[1] != 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (msg->out_size[0] < sizeof v) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, &v, sizeof v);
    return PSA_SUCCESS;
}

/* 1 if msg has exactly n_in in_vecs of which the first is `in0` bytes (0: any), and at
 * most n_out out_vecs of which the first is out0 bytes (0: any). */
static int shape_ok(const psa_msg_t *msg, unsigned n_in, size_t in0, unsigned n_out, size_t out0)
{
    for (unsigned i = n_in; i < PSA_MAX_IOVEC; i++) {
        if (msg->in_size[i] != 0) {
            return 0;
        }
    }
    for (unsigned i = n_out; i < PSA_MAX_IOVEC; i++) {
        if (msg->out_size[i] != 0) {
            return 0;
        }
    }
    return (n_in == 0 || in0 == 0 || msg->in_size[0] == in0) &&
           (n_out == 0 || out0 == 0 || msg->out_size[0] == out0);
}

/* The RP_PLATFORM service function (SFN model; the IPC loop below calls it too). */
psa_status_t rp_platform_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case RP_PLATFORM_RESET:
        return shape_ok(msg, 0, 0, 0, 0) ? system_reset() : PSA_ERROR_PROGRAMMER_ERROR;
    case RP_PLATFORM_NVC_READ:
        return shape_ok(msg, 1, 4, 1, 4) ? nvc_read(msg) : PSA_ERROR_PROGRAMMER_ERROR;
    case RP_PLATFORM_NVC_INCREMENT:
        return shape_ok(msg, 1, 4, 0, 0) ? nvc_increment(msg) : PSA_ERROR_PROGRAMMER_ERROR;
    case RP_PLATFORM_IOCTL:
        return shape_ok(msg, 2, 4, 1, 0) ? ioctl(msg) : PSA_ERROR_PROGRAMMER_ERROR;
    default:
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
}

/* IPC model: answer RP_PLATFORM messages for ever. */
void rp_platform_sp_main(void)
{
    psa_msg_t msg;
    for (;;) {
        if ((psa_wait(RP_PLATFORM_SIGNAL, PSA_BLOCK) & RP_PLATFORM_SIGNAL) != 0 &&
            psa_get(RP_PLATFORM_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_platform_sfn(&msg));
        }
    }
}
