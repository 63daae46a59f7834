/* Host tests of the BL2 -> secure shared area and the boot record parser (rp_boot_data.h). */
#include "img_build.h"
#include "rp_boot_data.h"
#include "rp_test.h"

static void test_area(void)
{
    uint8_t area[0x400], rec[100];
    const uint8_t *d;
    uint16_t n;
    RP_CHECK_EQ(rp_boot_data_init(area, 3), RP_BOOT_DATA_ERR_FULL);
    memset(area, 0xAA, sizeof area);
    RP_CHECK_EQ(rp_boot_data_init(area, sizeof area), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(area[0], 0x16);
    RP_CHECK_EQ(area[1], 0x20);
    RP_CHECK_EQ(area[2], 4);
    RP_CHECK_EQ(area[100], 0);                           /* zero-filled */
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_find(area, sizeof area, 0x103F, &d, &n), RP_BOOT_DATA_ERR_NONE);

    for (unsigned i = 0; i < sizeof rec; i++) {
        rec[i] = (uint8_t)i;
    }
    RP_CHECK_EQ(RP_BOOT_DATA_RECORD(0), 0x103F);
    RP_CHECK_EQ(RP_BOOT_DATA_RECORD(1), 0x107F);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x103F, rec, 91), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x107F, rec, 92), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x103F, rec, 1), RP_BOOT_DATA_ERR_DUP);
    /* the FORMATS.md §2 example header: 16 20 c3 00 | 3f 10 5b 00 ... | 7f 10 5c 00 */
    static const uint8_t hdr[] = { 0x16, 0x20, 0xc3, 0x00, 0x3f, 0x10, 0x5b, 0x00 };
    RP_CHECK_MEM(area, hdr, sizeof hdr);
    RP_CHECK_EQ(area[4 + 4 + 91], 0x7f);
    RP_CHECK_EQ(area[4 + 4 + 91 + 2], 0x5c);
    RP_CHECK_EQ(rp_boot_data_find(area, sizeof area, 0x107F, &d, &n), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(n, 92);
    RP_CHECK(d == area + 4 + 4 + 91 + 4);
    RP_CHECK_MEM(d, rec, 92);

    /* overflow: the area is 0x400 bytes and holds 0xC3 already */
    uint8_t big[0x400] = { 0 };
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x2000, big, 0x400 - 0xC3 - 3),
                RP_BOOT_DATA_ERR_FULL);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x2000, big, 0x400 - 0xC3 - 4),
                RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x2040, big, 0), RP_BOOT_DATA_ERR_FULL);

    /* malformed areas */
    RP_CHECK_EQ(rp_boot_data_init(area, sizeof area), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x103F, rec, 10), RP_BOOT_DATA_OK);
    area[0] = 0x17;
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_ERR_BAD);
    RP_CHECK_EQ(rp_boot_data_add(area, sizeof area, 0x107F, rec, 1), RP_BOOT_DATA_ERR_BAD);
    area[0] = 0x16;
    area[2] = 3;                                         /* tot_len below the header */
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_ERR_BAD);
    area[2] = 18 + 1;                                    /* tot_len not on an entry end */
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_ERR_BAD);
    area[2] = 18;
    RP_CHECK_EQ(rp_boot_data_check(area, 17), RP_BOOT_DATA_ERR_BAD);   /* past the area */
    RP_CHECK_EQ(rp_boot_data_check(area, 18), RP_BOOT_DATA_OK);
    area[6] = 11;                                        /* entry longer than tot_len */
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_ERR_BAD);
    area[6] = 10;
    /* a duplicate written behind add()'s back */
    memcpy(area + 18, area + 4, 14);
    area[2] = 32;
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_ERR_BAD);
    RP_CHECK_EQ(rp_boot_data_find(area, sizeof area, 0x103F, &d, &n), RP_BOOT_DATA_ERR_BAD);
}

static void test_record(void)
{
    struct ib_key k;
    struct rp_boot_record r;
    struct rp_image_version v = { 1, 2, 3, 4 };
    uint8_t rec[128];
    ib_key_make(&k, 7);
    uint32_t n = ib_boot_record(rec, "SPE", &v, k.hash);
    RP_CHECK_EQ(n, 91);                                  /* FORMATS.md §2.2 */
    memset(rec + n - 32, 0x5A, 32);                      /* BL2 put the hash there */
    RP_CHECK_EQ(rp_boot_record_parse(rec, n, &r), RP_BOOT_DATA_OK);
    RP_CHECK(r.sw_type_len == 3 && memcmp(r.sw_type, "SPE", 3) == 0);
    RP_CHECK(r.version_len == 5 && memcmp(r.version, "1.2.3", 5) == 0);
    RP_CHECK(r.measurement_desc_len == 6 && memcmp(r.measurement_desc, "SHA256", 6) == 0);
    RP_CHECK_MEM(r.signer_id, k.hash, 32);
    RP_CHECK(r.measurement == rec + n - 32);

    RP_CHECK_EQ(rp_boot_record_parse(rec, n - 1, &r), RP_BOOT_DATA_ERR_BAD);  /* truncated */
    RP_CHECK_EQ(rp_boot_record_parse(rec, 0, &r), RP_BOOT_DATA_ERR_BAD);
    rec[n] = 0;
    RP_CHECK_EQ(rp_boot_record_parse(rec, n + 1, &r), RP_BOOT_DATA_ERR_BAD);  /* trailing */
    rec[0] = 0xa4;                                                            /* 4 entries */
    RP_CHECK_EQ(rp_boot_record_parse(rec, n, &r), RP_BOOT_DATA_ERR_BAD);
    rec[0] = 0xa5;
    rec[1] = 0x04;                                       /* key 4 twice */
    RP_CHECK_EQ(rp_boot_record_parse(rec, n, &r), RP_BOOT_DATA_ERR_BAD);
    rec[1] = 0x01;
    rec[2] = 0x43;                                       /* sw_type as a byte string */
    RP_CHECK_EQ(rp_boot_record_parse(rec, n, &r), RP_BOOT_DATA_ERR_BAD);
    rec[2] = 0x63;
    rec[n - 33] = 0x1F;                                  /* measurement of 31 bytes */
    RP_CHECK_EQ(rp_boot_record_parse(rec, n, &r), RP_BOOT_DATA_ERR_BAD);
    rec[n - 33] = 0x20;
    RP_CHECK_EQ(rp_boot_record_parse(rec, n, &r), RP_BOOT_DATA_OK);
}

/* What BL2 writes for a validated image, read back as attestation reads it. */
static void test_measured_boot(void)
{
    static uint8_t slot[0x1000], area[0x400];
    struct ib_key k;
    struct ib_opts o;
    struct rp_image_info info;
    struct rp_boot_record r;
    const uint8_t *d;
    uint16_t n;
    ib_key_make(&k, 9);
    struct rp_image_key key = { k.hash, k.pub };
    ib_defaults(&o);
    ib_build(slot, sizeof slot, &o, &k);
    RP_CHECK_EQ(rp_image_validate(slot, sizeof slot, 0, &key, 1, 0, &info), RP_IMG_OK);
    RP_CHECK_EQ(rp_boot_data_init(area, sizeof area), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_add_record(area, sizeof area, 0, slot + info.boot_record_off,
                                        info.boot_record_len, info.hash), RP_BOOT_DATA_OK);
    o.sw_type = "NSPE";
    ib_build(slot, sizeof slot, &o, &k);
    RP_CHECK_EQ(rp_image_validate(slot, sizeof slot, 0, &key, 1, 0, &info), RP_IMG_OK);
    RP_CHECK_EQ(rp_boot_data_add_record(area, sizeof area, 1, slot + info.boot_record_off,
                                        info.boot_record_len, info.hash), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_add_record(area, sizeof area, 1, slot, 10, info.hash),
                RP_BOOT_DATA_ERR_BAD);
    RP_CHECK_EQ(rp_boot_data_add_record(area, sizeof area, 1, slot + info.boot_record_off,
                                        info.boot_record_len, info.hash), RP_BOOT_DATA_ERR_DUP);
    /* FORMATS.md §2 example: 16 20 c3 00 | 3f 10 5b 00 a5 01 63 "SPE" ... | 7f 10 5c 00 a5 01 64 "NSPE" */
    static const uint8_t head[] = { 0x16, 0x20, 0xc3, 0x00, 0x3f, 0x10, 0x5b, 0x00,
                                    0xa5, 0x01, 0x63, 'S', 'P', 'E' };
    static const uint8_t second[] = { 0x7f, 0x10, 0x5c, 0x00, 0xa5, 0x01, 0x64, 'N', 'S', 'P', 'E' };
    RP_CHECK_MEM(area, head, sizeof head);
    RP_CHECK_MEM(area + 4 + 4 + 91, second, sizeof second);
    RP_CHECK_EQ(rp_boot_data_check(area, sizeof area), RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_data_find(area, sizeof area, RP_BOOT_DATA_RECORD(1), &d, &n),
                RP_BOOT_DATA_OK);
    RP_CHECK_EQ(rp_boot_record_parse(d, n, &r), RP_BOOT_DATA_OK);
    RP_CHECK(r.sw_type_len == 4 && memcmp(r.sw_type, "NSPE", 4) == 0);
    RP_CHECK_MEM(r.measurement, info.hash, 32);      /* the hash replaced the zeros */
    RP_CHECK_MEM(r.signer_id, k.hash, 32);
    RP_CHECK_MEM(slot + info.boot_record_off + n - 32, (uint8_t[32]){ 0 }, 32); /* slot untouched */
}

int main(void)
{
    test_area();
    test_record();
    test_measured_boot();
    return rp_test_end("boot.data");
}
