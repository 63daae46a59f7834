/* Fuzz harness for boot/core's parsers: the image validator, the shared boot area and the
 * boot record. Under clang (-DRP_LIBFUZZER) it is a libFuzzer target; under gcc main()
 * mutates a valid image, a valid area and a valid record N times (fuzz-smoke) and checks
 * that nothing crashes (ASan/UBSan), that every accepted input obeys its invariants, and
 * that a mutated image is accepted only if the mutation changed none of its bytes.
 *   boot_fuzz_smoke [iterations] [seed]                                              */
#include "img_build.h"
#include "rp_boot_data.h"
#include "rp_test.h"

#define SLOT 0x1000u
static struct ib_key key;
static struct rp_image_key keys[1];

static void fuzz_one(const uint8_t *data, size_t size)
{
    static uint8_t slot[SLOT];
    uint32_t n = size > SLOT ? SLOT : (uint32_t)size;
    struct rp_image_info info;
    memcpy(slot, data, n);
    if (rp_image_validate(slot, n, 0, keys, 1, 0, &info) == RP_IMG_OK) {
        RP_CHECK(info.end <= n && info.hashed_size < info.end);
        RP_CHECK(info.hdr_size + (uint64_t)info.img_size < n);
        RP_CHECK(info.boot_record_len == 0 ||
                 info.boot_record_off + info.boot_record_len <= info.hashed_size);
    }
    if (rp_boot_data_check(slot, n) == RP_BOOT_DATA_OK) {
        const uint8_t *d;
        uint16_t l;
        if (rp_boot_data_find(slot, n, 0x103F, &d, &l) == RP_BOOT_DATA_OK) {
            RP_CHECK(d >= slot + 8 && d + l <= slot + n);
        }
    }
    struct rp_boot_record r;
    if (rp_boot_record_parse(slot, n, &r) == RP_BOOT_DATA_OK) {
        RP_CHECK(r.measurement + 32 <= slot + n && r.signer_id + 32 <= slot + n);
    }
}

static void setup(void)
{
    ib_key_make(&key, 0x42);
    keys[0].hash = key.hash;
    keys[0].pub = key.pub;
}

#ifdef RP_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        setup();
        ready = 1;
    }
    fuzz_one(data, size);
    return 0;
}
#else
static uint64_t rs;
static uint32_t rnd(uint32_t n)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return n ? (uint32_t)(rs >> 33) % n : 0;
}

/* A few random edits biased to the interesting places (header, TLV headers, lengths). */
static uint32_t mutate(uint8_t *b, uint32_t len, uint32_t cap, const uint32_t *hot, int nhot)
{
    int edits = 1 + (int)rnd(3);
    while (edits--) {
        uint32_t at = rnd(2) ? hot[rnd((uint32_t)nhot)] + rnd(4) : rnd(len);
        switch (rnd(5)) {
        case 0: b[at % cap] ^= (uint8_t)(1u << rnd(8)); break;
        case 1: b[at % cap] = (uint8_t)rnd(256); break;
        case 2: b[at % cap] = rnd(2) ? 0xFF : 0x00; break;
        case 3: len = rnd(len + 1); break;
        default: b[at % cap] = (uint8_t)(b[at % cap] + 1 - 2 * rnd(2)); break;
        }
    }
    return len;
}

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], NULL, 0) : 3000;
    rs = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
    rs = rs * 0x9E3779B97F4A7C15ull | 1;
    setup();
    static uint8_t good[SLOT], buf[SLOT];
    struct ib_opts o;
    ib_defaults(&o);
    o.img_size = 200;
    uint32_t len = ib_build(good, SLOT, &o, &key);
    uint32_t p = o.hdr_size + o.img_size, u = p + 0x7b;
    const uint32_t hot_img[] = { 0, 8, 10, 12, 16, p, p + 4, p + 8, p + 12, u, u + 4, u + 38,
                                 u + 72, u + 74, u + 76 };
    /* the seed image must pass, or the smoke run proves nothing */
    struct rp_image_info info;
    RP_CHECK_EQ(rp_image_validate(good, len, 0, keys, 1, 0, &info), RP_IMG_OK);

    uint8_t area[256], rec[128];
    rp_boot_data_init(area, sizeof area);
    uint32_t rl = ib_boot_record(rec, "NSPE", &o.ver, key.hash);
    rp_boot_data_add(area, sizeof area, 0x103F, rec, (uint16_t)rl);
    rp_boot_data_add(area, sizeof area, 0x107F, rec, (uint16_t)rl);
    const uint32_t hot_area[] = { 0, 2, 4, 6, 8 + rl, 10 + rl };
    const uint32_t hot_rec[] = { 0, 1, 2, 7, 8, 15, 16, 50, 58, rl - 33 };

    unsigned long accepted = 0;
    for (unsigned long i = 0; i < iters; i++) {
        uint32_t n;
        switch (i % 3) {
        case 0:
            memcpy(buf, good, SLOT);
            n = mutate(buf, len, SLOT, hot_img, sizeof hot_img / sizeof hot_img[0]);
            break;
        case 1:
            memcpy(buf, area, sizeof area);
            n = mutate(buf, sizeof area, sizeof area, hot_area, 6);
            break;
        default:
            memcpy(buf, rec, rl);
            n = mutate(buf, rl, rl, hot_rec, 10);
            break;
        }
        struct rp_image_info in2;
        if (i % 3 == 0 && rp_image_validate(buf, n, 0, keys, 1, 0, &in2) == RP_IMG_OK) {
            /* the oracle: no changed byte of a signed image may survive validation */
            accepted++;
            RP_CHECK(in2.end == len && memcmp(buf, good, len) == 0);
        }
        fuzz_one(buf, n);
    }
    printf("boot fuzz: %lu inputs, %lu images accepted (each identical to the original)\n",
           iters, accepted);
    return rp_test_end("boot.fuzz_smoke");
}
#endif
