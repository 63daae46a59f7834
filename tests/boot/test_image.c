/* Host tests of boot/core's image validator (rp_image.h): a good image in both key forms,
 * then every kind of bad image, each refused with its own reason. */
#include <stdio.h>
#include <stdlib.h>

#include "img_build.h"
#include "rp_test.h"

#define SLOT 0x4000u
static uint8_t slot[SLOT];
static struct ib_key key, other;
static struct rp_image_key keys[2];
static struct rp_image_info info;
static uint32_t len;

static int validate(uint32_t limit, uint32_t min_cnt)
{
    return rp_image_validate(slot, limit, 0x80000, keys, 1, min_cnt, &info);
}

static void build(const struct ib_opts *o)
{
    len = ib_build(slot, SLOT, o, &key);
}

static void build_default(void)
{
    struct ib_opts o;
    ib_defaults(&o);
    build(&o);
}

static void put16(uint32_t off, uint32_t v) { slot[off] = (uint8_t)v; slot[off + 1] = (uint8_t)(v >> 8); }
static void put32(uint32_t off, uint32_t v) { put16(off, v); put16(off + 2, v >> 16); }

/* Offset of the n-th entry of the unprotected area (0 = SHA256, 1 = KEYHASH, 2 = SIG). */
static uint32_t unprot_entry(unsigned n)
{
    uint32_t off = 0x400 + 1000 + 0x7b + 4;
    while (n--) {
        off += 4 + (slot[off + 2] | slot[off + 3] << 8);
    }
    return off;
}

static void test_good(void)
{
    struct ib_opts o;
    ib_defaults(&o);
    build(&o);
    RP_CHECK_EQ(validate(SLOT, 5), RP_IMG_OK);
    RP_CHECK_EQ(info.hdr_size, 0x400);
    RP_CHECK_EQ(info.prot_size, 0x7b);              /* FORMATS.md §1.3 example */
    RP_CHECK_EQ(info.hashed_size, 0x400 + 1000 + 0x7b);
    RP_CHECK_EQ(info.end, len);
    RP_CHECK_EQ(info.sec_cnt, 5);
    RP_CHECK_EQ(info.boot_record_len, 91);
    RP_CHECK_EQ(info.dep_count, 1);
    RP_CHECK_EQ(info.dep[0].image_id, 1);
    RP_CHECK_EQ(info.version.major, 1);
    RP_CHECK_EQ(info.version.revision, 3);
    RP_CHECK_EQ(info.version.build, 4);
    RP_CHECK_MEM(info.signer, key.hash, 32);
    uint8_t h[32];
    rp_sha256(slot, 0x400 + 1000 + 0x7b, h);
    RP_CHECK_MEM(info.hash, h, 32);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_OK);
    RP_CHECK_EQ(validate(len + 1, 5), RP_IMG_OK);   /* the TLVs may end right before the trailer */

    o.full_key = 1;                                 /* PUBKEY form */
    build(&o);
    RP_CHECK_EQ(validate(SLOT, 5), RP_IMG_OK);
    keys[0].pub = NULL;                             /* hash-only provisioning accepts PUBKEY */
    RP_CHECK_EQ(validate(SLOT, 5), RP_IMG_OK);
    keys[0].pub = key.pub;

    ib_defaults(&o);                                /* no protected TLVs but SEC_CNT... */
    o.sw_type = NULL;
    o.dep_image = -1;
    build(&o);
    RP_CHECK_EQ(validate(SLOT, 5), RP_IMG_OK);
    RP_CHECK_EQ(info.boot_record_len, 0);
    o.sec_cnt = -1;                                 /* ...and none at all */
    build(&o);
    RP_CHECK_EQ(rp_image_parse(slot, SLOT, 0, &info), RP_IMG_OK);
    RP_CHECK_EQ(info.prot_size, 0);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_NO_SEC_CNT);

    /* two provisioned keys, the right one second */
    build_default();
    struct rp_image_key two[2] = { { other.hash, other.pub }, { key.hash, key.pub } };
    RP_CHECK_EQ(rp_image_validate(slot, SLOT, 0, two, 2, 0, &info), RP_IMG_OK);
}

static void test_header(void)
{
    build_default();
    slot[0] ^= 1;
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_MAGIC);
    memset(slot, 0xFF, SLOT);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_EMPTY);

    build_default();
    RP_CHECK_EQ(validate(31, 0), RP_IMG_ERR_HEADER);     /* truncated below a header */
    RP_CHECK_EQ(validate(0x400 + 1000, 0), RP_IMG_ERR_SIZE);
    RP_CHECK_EQ(validate(0x400 + 999, 0), RP_IMG_ERR_SIZE);
    RP_CHECK_EQ(validate(0x400 + 1000 + 10, 0), RP_IMG_ERR_TLV_BOUNDS);
    RP_CHECK_EQ(validate(len - 1, 0), RP_IMG_ERR_TLV_BOUNDS);   /* TLVs past the slot end */
    RP_CHECK_EQ(validate(len, 0), RP_IMG_OK);

    put16(8, 31);                                        /* hdr_size below 32 */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_HEADER);
    build_default();
    put32(12, 0xFFFFFF00u);                              /* hdr_size + img_size wraps */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIZE);
    put32(12, 0xFFFFFFFFu);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIZE);
    put32(12, SLOT - 0x400);                             /* reaches the slot end exactly */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIZE);
    build_default();
    put16(8, 0x500);                                     /* TLVs not where the sizes say */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_MAGIC);

    build_default();
    put32(16, RP_IMAGE_F_RAM_LOAD);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_FLAGS);
    put32(16, RP_IMAGE_F_PIC);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_FLAGS);
    put32(16, RP_IMAGE_F_ROM_FIXED);                     /* load_addr 0 != slot 0x80000 */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_FLAGS);
    put32(4, 0x80000);                                   /* right slot: structure passes */
    RP_CHECK_EQ(rp_image_parse(slot, SLOT, 0x80000, &info), RP_IMG_OK);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_HASH);     /* but the header is hashed */
}

static void test_tlvs(void)
{
    uint32_t prot = 0x400 + 1000, un = prot + 0x7b;
    build_default();
    put16(10, 0x7c);                                     /* protect_tlv_size != total */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_MAGIC);
    build_default();
    put16(prot, 0x6907);                                 /* wrong protected magic */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_MAGIC);
    build_default();
    put16(un, 0x6908);                                   /* wrong unprotected magic */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_MAGIC);
    build_default();
    put16(un + 2, 0xFFF0);                               /* unprotected area past the slot */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_BOUNDS);
    build_default();
    put16(un + 2, 3);                                    /* total below its own header */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_MAGIC);

    build_default();
    put16(prot + 4 + 2, 0x7b);                           /* SEC_CNT runs past its area */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_OVERSIZE);
    build_default();
    put16(unprot_entry(0) + 2, 0x40);                    /* SHA256 overlaps KEYHASH... */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_LEN);
    put16(unprot_entry(0) + 2, 0xFFFF);                  /* ...or runs past the area */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_OVERSIZE);
    build_default();
    put16(un + 2, (slot[un + 2] | slot[un + 3] << 8) + 2); /* area longer than its entries */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_OVERSIZE);
    build_default();
    put16(un + 2, (slot[un + 2] | slot[un + 3] << 8) - 2); /* area cuts the last entry */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_OVERSIZE);

    build_default();
    put16(unprot_entry(0), RP_TLV_SEC_CNT);              /* protected type, unprotected area */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_TYPE);
    build_default();
    put16(prot + 4, RP_TLV_SHA256);                      /* and the other way round */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_TYPE);
    build_default();
    put16(unprot_entry(1), RP_TLV_PUBKEY);               /* PUBKEY of 32 bytes */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_LEN);
    build_default();
    put16(unprot_entry(1), RP_TLV_SHA256);               /* a second SHA256 */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_TLV_DUP);
}

/* Appends n bytes of v after the signature (the last entry): pad-sig style. */
static void pad_sig(uint32_t n, uint8_t v)
{
    uint32_t un = 0x400 + 1000 + 0x7b, sig = unprot_entry(2);
    put16(sig + 2, (slot[sig + 2] | slot[sig + 3] << 8) + n);
    put16(un + 2, (slot[un + 2] | slot[un + 3] << 8) + n);
    memset(slot + len, v, n);
}

static void test_crypto(void)
{
    build_default();
    slot[0x400 + 10] ^= 0x40;                            /* payload changed */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_HASH);
    build_default();
    slot[0x400 + 1000 + 8] ^= 1;                         /* SEC_CNT changed: hashed too */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_HASH);
    build_default();
    slot[unprot_entry(0) + 4] ^= 1;                      /* SHA256 TLV changed */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_HASH);
    build_default();
    put16(unprot_entry(0), 0x11);                        /* SHA384 type: no SHA256 */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_NO_HASH);

    build_default();
    uint32_t sig = unprot_entry(2);
    slot[sig + 4 + 10] ^= 1;                             /* r changed, DER still valid */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIG);
    build_default();
    slot[sig + 4] = 0x31;                                /* not a DER SEQUENCE */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIG);
    build_default();
    slot[sig + 5] ^= 1;                                  /* DER length wrong */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIG);
    build_default();
    put16(sig, 0x24);                                    /* ED25519 type only: no signature */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_NO_SIG);

    build_default();
    pad_sig(72 - (slot[sig + 2]), 0);                    /* --pad-sig zeros: accepted */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_OK);
    build_default();
    pad_sig(1, 0x01);                                    /* non-zero after the DER */
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIG);

    build_default();                                     /* unknown key */
    struct rp_image_key only_other = { other.hash, other.pub };
    RP_CHECK_EQ(rp_image_validate(slot, SLOT, 0, &only_other, 1, 0, &info), RP_IMG_ERR_KEY);
    RP_CHECK_EQ(rp_image_validate(slot, SLOT, 0, keys, 0, 0, &info), RP_IMG_ERR_KEY);
    struct ib_opts o;
    ib_defaults(&o);
    o.full_key = 1;
    build(&o);
    RP_CHECK_EQ(rp_image_validate(slot, SLOT, 0, &only_other, 1, 0, &info), RP_IMG_ERR_KEY);
    /* a PUBKEY whose hash is provisioned but whose signature is by another key */
    len = ib_build(slot, SLOT, &o, &other);
    memcpy(slot + unprot_entry(1) + 4, key.spki, 91);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_ERR_SIG);

    build_default();                                     /* anti-rollback */
    RP_CHECK_EQ(validate(SLOT, 5), RP_IMG_OK);
    RP_CHECK_EQ(validate(SLOT, 6), RP_IMG_ERR_ROLLBACK);
    RP_CHECK_EQ(validate(SLOT, 0xFFFFFFFFu), RP_IMG_ERR_ROLLBACK);
}

static void test_deps_and_words(void)
{
    struct ib_opts o;
    ib_defaults(&o);
    o.dep_min.major = 2;
    o.dep_min.revision = 7;
    build(&o);
    RP_CHECK_EQ(validate(SLOT, 0), RP_IMG_OK);
    struct rp_image_version v = { 2, 0, 7, 0 }, lo = { 2, 0, 6, 99 };
    RP_CHECK_EQ(rp_image_check_deps(&info, 1, &v), RP_IMG_OK);
    RP_CHECK_EQ(rp_image_check_deps(&info, 1, &lo), RP_IMG_ERR_DEPENDENCY);
    RP_CHECK_EQ(rp_image_check_deps(&info, 0, &lo), RP_IMG_OK);   /* about another image */
    RP_CHECK_EQ(rp_image_version_cmp(&v, &lo), 1);
    RP_CHECK_EQ(rp_image_version_cmp(&lo, &v), -1);
    RP_CHECK_EQ(rp_image_version_cmp(&v, &v), 0);
    for (int e = 0; e < RP_IMG_ERR_COUNT; e++) {
        RP_CHECK(strcmp(rp_image_reason(e), "?") != 0);
        for (int f = 0; f < e; f++) {
            RP_CHECK(strcmp(rp_image_reason(e), rp_image_reason(f)) != 0);
        }
    }
    RP_CHECK(strcmp(rp_image_reason(RP_IMG_ERR_COUNT), "?") == 0);
}

int main(void)
{
    ib_key_make(&key, 0x42);
    ib_key_make(&other, 0x24);
    keys[0].hash = key.hash;
    keys[0].pub = key.pub;
    test_good();
    test_header();
    test_tlvs();
    test_crypto();
    test_deps_and_words();
    return rp_test_end("boot.image");
}
