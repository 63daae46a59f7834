/* ps_dump.c - stores a few assets with rp_ps and prints what an independent checker needs
 * (HUK, NVC1, the active table copy, each object file, and the expected plaintexts) as
 * text lines; ps_format_check.py re-derives the keys and decrypts them with python3's
 * cryptography package, checking the format of FORMATS.md section 5. */
#include <stdio.h>
#include "ps_common.h"

static uint8_t mem[4096 * 8];

static void hex(const char *tag, const uint8_t *p, size_t n)
{
    size_t i;
    printf("%s ", tag);
    for (i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

int main(void)
{
    static const struct { int32_t client; uint64_t uid; uint32_t len, flags; } a[] = {
        {-1, 0x1122334455667788ULL, 100, 0}, {5, 7, 0, PSA_STORAGE_FLAG_WRITE_ONCE},
        {-1, 2, 2048, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION}, {5, 7 + 1, 33, 0}};
    static uint8_t d[2048], buf[RP_PS_BUF_SIZE];
    size_t n, i, k;
    char tag[64];
    ps_setup(mem, 4096, 2, 4, 4, 10, 2048);
    if (rp_ps_mount(&ps, &ps_cfg) != PSA_SUCCESS)
        return 1;
    for (k = 0; k < sizeof(a) / sizeof(a[0]); k++) {
        for (i = 0; i < a[k].len; i++)
            d[i] = (uint8_t)(k * 40 + i * 7);
        if (rp_ps_set(&ps, a[k].client, a[k].uid, a[k].len, d, a[k].flags) != PSA_SUCCESS)
            return 1;
        snprintf(tag, sizeof(tag), "asset %d %llu %u", (int)a[k].client,
                 (unsigned long long)a[k].uid, (unsigned)a[k].flags);
        hex(tag, d, a[k].len);
    }
    /* one replace, so the active copy and object indexes move */
    if (rp_ps_set(&ps, 5, 8, 33, d, 0) != PSA_SUCCESS)
        return 1;
    hex("huk", ps_huk, RP_PS_HUK_SIZE);
    printf("nvc1 %u\n", (unsigned)ps_sim.nv[0]);
    if (rp_its_get(&ps.its, 0, ps.active, 0, sizeof(buf), buf, &n) != PSA_SUCCESS)
        return 1;
    hex("table", buf, n);
    for (k = 3; k < 3 + 11; k++)
        if (rp_its_get(&ps.its, 0, k, 0, sizeof(buf), buf, &n) == PSA_SUCCESS) {
            snprintf(tag, sizeof(tag), "object %u", (unsigned)k);
            hex(tag, buf, n);
        }
    return 0;
}
