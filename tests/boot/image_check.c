/* image_check - runs boot/core's validator on an image file (the signer round trip test).
 *   image_check <image.bin> <limit> <pub point hex (130 digits)> [min_sec_cnt]
 * Prints "result <reason> version M.m.r+b sec_cnt N" and exits 0 when the image is
 * valid, 1 when it is refused, 2 on usage errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_image.h"
#include "rp_sha2.h"

static const uint8_t spki_prefix[26] = {
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
};

int main(int argc, char **argv)
{
    static uint8_t slot[0x100000];
    uint8_t spki[91], hash[32];
    if (argc < 4 || strlen(argv[3]) != 130) {
        fprintf(stderr, "usage: image_check image limit pubhex [min_sec_cnt]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t n = fread(slot, 1, sizeof slot, f);
    fclose(f);
    uint32_t limit = (uint32_t)strtoul(argv[2], NULL, 0);
    if (limit > n) {
        memset(slot + n, 0xFF, sizeof slot - n);
    }
    memcpy(spki, spki_prefix, 26);
    for (int i = 0; i < 65; i++) {
        unsigned v;
        sscanf(argv[3] + 2 * i, "%2x", &v);
        spki[26 + i] = (uint8_t)v;
    }
    rp_sha256(spki, 91, hash);
    struct rp_image_key key = { hash, spki + 26 };
    struct rp_image_info info;
    uint32_t min = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 0) : 0;
    int r = rp_image_validate(slot, limit, 0, &key, 1, min, &info);
    printf("result %s version %u.%u.%u+%u sec_cnt %u\n", rp_image_reason(r),
           info.version.major, info.version.minor, info.version.revision,
           (unsigned)info.version.build, (unsigned)info.sec_cnt);
    return r == RP_IMG_OK ? 0 : 1;
}
