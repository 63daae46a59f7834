/* rp_boot_data.h - the boot data BL2 hands to the secure image (FORMATS.md §2), and the
 * boot record each image carries (§2.2).
 *
 * The shared area (AN521: 0x38000000, 0x400 bytes) is `u16 magic 0x2016, u16 tot_len`
 * followed by packed `u16 type, u16 len, data` entries. BL2 writes it with init/add; the
 * secure side validates it once with rp_boot_data_check, then looks entries up. Every
 * function is pure logic over a caller's buffer: host-tested and fuzzed.
 */
#ifndef RP_BOOT_DATA_H
#define RP_BOOT_DATA_H

#include <stdint.h>

#define RP_BOOT_DATA_MAGIC   0x2016u
/* IAS major 1, module = image index, claim 0x3F = the whole boot record */
#define RP_BOOT_DATA_RECORD(image)  (0x1000u | ((uint32_t)(image) << 6) | 0x3Fu)

#define RP_BOOT_DATA_OK        0
#define RP_BOOT_DATA_ERR_FULL  (-1)   /* the entry does not fit in the area */
#define RP_BOOT_DATA_ERR_DUP   (-2)   /* that type is already present */
#define RP_BOOT_DATA_ERR_BAD   (-3)   /* malformed area or record */
#define RP_BOOT_DATA_ERR_NONE  (-4)   /* no entry of that type */

/* Zero-fills area[0..size) and writes an empty header. size >= 4. */
int rp_boot_data_init(uint8_t *area, uint32_t size);

/* Appends one entry. Refuses a duplicate type, an area that check() refuses, and an
 * entry that would pass size. Nothing is written on failure. */
int rp_boot_data_add(uint8_t *area, uint32_t size, uint16_t type, const uint8_t *data,
                     uint16_t len);

/* BL2's measured-boot entry for one image (FORMATS.md §2.2): appends its boot record as
 * RP_BOOT_DATA_RECORD(image) and overwrites the record's last 32 bytes (the zeros the
 * signer left) with the image hash. len >= 32. Refusals as rp_boot_data_add(). */
int rp_boot_data_add_record(uint8_t *area, uint32_t size, uint32_t image,
                            const uint8_t *record, uint16_t len, const uint8_t hash[32]);

/* Validates the whole area: magic, 4 <= tot_len <= size, entries exactly filling tot_len,
 * no duplicate types. */
int rp_boot_data_check(const uint8_t *area, uint32_t size);

/* Finds entry type in a checked area: *data points into area, *len is its length. */
int rp_boot_data_find(const uint8_t *area, uint32_t size, uint16_t type,
                      const uint8_t **data, uint16_t *len);

/* A decoded boot record: CBOR map {1: sw_type, 4: version, 5: signer_id(32),
 * 6: measurement description, 2: measurement value(32)} (pointers into the record). */
struct rp_boot_record {
    const uint8_t *sw_type;      uint32_t sw_type_len;
    const uint8_t *version;      uint32_t version_len;
    const uint8_t *signer_id;    /* 32 bytes */
    const uint8_t *measurement_desc; uint32_t measurement_desc_len;
    const uint8_t *measurement;  /* 32 bytes */
};

/* Decodes rec[0..len) strictly: a definite map of exactly these 5 keys, each once, text
 * strings for 1, 4, 6 (at most 32 bytes), 32-byte byte strings for 2 and 5, nothing after. */
int rp_boot_record_parse(const uint8_t *rec, uint32_t len, struct rp_boot_record *out);

#endif
