/* test_its_store - persistent keys of the crypto core kept in Rampart's ITS filesystem
 * (services/crypto/its) on the host flash simulator: per-owner records, the record
 * format inside ITS, survival across a remount (a reboot), storage exhaustion. */
#include <string.h>

#include "flash_sim.h"
#include "psa/crypto.h"
#include "rp_crypto_its.h"
#include "rp_host.h"
#include "rp_test.h"

#define SECTOR 4096u
#define ITS_CLIENT 0x1234

static uint8_t mem[8 * SECTOR];
static struct rp_flash_sim sim;
static struct rp_its fs;
static struct rp_its_slot slots[RP_ITS_SLOT_RAM(4)];
static uint16_t blocks[RP_ITS_BLOCK_RAM(8)];

static void mount(void)
{
    struct rp_its_config c;
    memset(&c, 0, sizeof c);
    c.flash = &sim.flash;
    c.sectors_per_block = 1;
    c.block_count = 8;
    c.max_files = 4;
    c.max_asset_size = 256;
    c.slot_ram = slots;
    c.block_ram = blocks;
    c.slot_ram_count = sizeof slots / sizeof slots[0];
    c.block_ram_count = sizeof blocks / sizeof blocks[0];
    RP_CHECK_EQ(rp_its_mount(&fs, &c), PSA_SUCCESS);
}

static psa_status_t import_persistent(psa_key_id_t id, uint8_t fill)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t k[16];
    psa_key_id_t out = 0;
    memset(k, fill, sizeof k);
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
    psa_set_key_id(&a, id);
    return psa_import_key(&a, k, sizeof k, &out);
}

static uint8_t exported_fill(psa_key_id_t id)
{
    uint8_t b[32];
    size_t n = 0;
    if (psa_export_key(id, b, sizeof b, &n) != PSA_SUCCESS || n != 16)
        return 0;
    return b[0];
}

int main(void)
{
    uint8_t rec[64];
    size_t n = 0;
    rp_flash_sim_init(&sim, mem, SECTOR, 8, 4, 0xFF);
    mount();
    rp_crypto_set_store(rp_crypto_its_store(&fs, ITS_CLIENT));
    RP_CHECK_EQ(psa_crypto_init(), PSA_SUCCESS);

    /* the same key id for two owners: two records */
    rp_host_set_client(1);
    RP_CHECK_EQ(import_persistent(7, 0x11), PSA_SUCCESS);
    RP_CHECK_EQ(import_persistent(7, 0x11), PSA_ERROR_ALREADY_EXISTS);
    rp_host_set_client(-1);
    RP_CHECK_EQ(import_persistent(7, 0x22), PSA_SUCCESS);
    RP_CHECK_EQ(exported_fill(7), 0x22);
    RP_CHECK_EQ(rp_its_file_count(&fs), 2);
    RP_CHECK_EQ(rp_its_get(&fs, ITS_CLIENT, RP_CRYPTO_ITS_UID(1, 7), 0, sizeof rec, rec, &n),
                PSA_SUCCESS);
    RP_CHECK(n == 24 + 16 && memcmp(rec, "RPK\x01", 4) == 0 && rec[24] == 0x11);
    /* the records are the Crypto partition's: no other ITS client sees them */
    RP_CHECK_EQ(rp_its_get(&fs, 1, RP_CRYPTO_ITS_UID(1, 7), 0, sizeof rec, rec, &n),
                PSA_ERROR_DOES_NOT_EXIST);

    /* a reboot: remount; the core reads the keys back */
    rp_flash_sim_reboot(&sim);
    mount();
    rp_host_set_client(1);
    RP_CHECK_EQ(exported_fill(7), 0x11);
    rp_host_set_client(-1);
    RP_CHECK_EQ(exported_fill(7), 0x22);

    /* full storage (4 files): the ITS status comes through */
    RP_CHECK_EQ(import_persistent(8, 0x33), PSA_SUCCESS);
    RP_CHECK_EQ(import_persistent(9, 0x44), PSA_SUCCESS);
    RP_CHECK_EQ(import_persistent(10, 0x55), PSA_ERROR_INSUFFICIENT_STORAGE);
    RP_CHECK_EQ(psa_destroy_key(9), PSA_SUCCESS);
    RP_CHECK_EQ(import_persistent(10, 0x55), PSA_SUCCESS);
    RP_CHECK_EQ(exported_fill(10), 0x55);

    /* destroy removes the record */
    RP_CHECK_EQ(psa_destroy_key(7), PSA_SUCCESS);
    RP_CHECK_EQ(psa_export_key(7, rec, sizeof rec, &n), PSA_ERROR_INVALID_HANDLE);
    rp_host_set_client(1);
    RP_CHECK_EQ(exported_fill(7), 0x11);
    RP_CHECK_EQ(rp_its_file_count(&fs), 3);
    return rp_test_end("crypto_service.its_store");
}
