/* an521_memory_map.h - the one description of Rampart's memory layout on MPS2 AN521.
 *
 * Read by C code and, through the C preprocessor, by the linker scripts, so it holds
 * only #define lines with plain integer constants. See docs/memory-map.md.
 *
 * Secure aliases have bit 28 set; the same SSRAM seen without it is the non-secure alias.
 */
#ifndef AN521_MEMORY_MAP_H
#define AN521_MEMORY_MAP_H

/* SSRAM1, 4 MiB, used as "flash": images live here. */
#define RP_FLASH_S_BASE         0x10000000
#define RP_FLASH_NS_BASE        0x00000000
#define RP_FLASH_SIZE           0x00400000

/* Flash layout (offsets in SSRAM1; TF-M's AN521 layout, docs/boot.md): BL2, then 0x80000
 * slots: S primary, NS primary, S secondary, NS secondary, scratch; then ITS and the boot
 * NV counters where TF-M has them, PS's rollback counters (two sectors per counter) and PS.
 * TF-M's 20 KiB PS area at 0x300000 is left unused: Rampart's PS needs 48 KiB (six 8 KiB
 * blocks, docs/storage.md) and follows the counters, so PS's two areas are contiguous.
 * 4 KiB sectors; the storage flash driver (platform/an521/secure/flash_s.c) keeps NOR
 * semantics on this RAM. Each image starts with its 0x400-byte MCUboot header; the
 * last sector of a slot holds the trailer; RP_IMAGE_TLV_ROOM bytes before it are left for
 * the image's TLVs. */
#define RP_FLASH_SECTOR_SIZE    0x00001000
#define RP_FLASH_BL2_OFF        0x00000000
#define RP_FLASH_BL2_SIZE       0x00080000
#define RP_FLASH_S_PRIMARY      0x00080000
#define RP_FLASH_NS_PRIMARY     0x00100000
#define RP_FLASH_S_SECONDARY    0x00180000
#define RP_FLASH_NS_SECONDARY   0x00200000
#define RP_FLASH_SCRATCH        0x00280000
#define RP_FLASH_SLOT_SIZE      0x00080000
/* The platform service's two NV counters (two 4 KiB sectors each), in the first 16 KiB
 * of the 20 KiB TF-M gives PS (Rampart's PS lives after the counters: docs/storage.md). */
#define RP_FLASH_PLAT_NVC_OFF   0x00300000
#define RP_FLASH_PLAT_NVC_SIZE  0x00004000
#define RP_FLASH_ITS_OFF        0x00305000
#define RP_FLASH_ITS_SIZE       0x00004000
#define RP_FLASH_NV_COUNTERS    0x00309000
#define RP_FLASH_NV_COUNTERS_SIZE 0x00002000
#define RP_FLASH_PS_NVC_OFF     0x0030B000
#define RP_FLASH_PS_NVC_SIZE    0x00006000
#define RP_FLASH_PS_OFF         0x00311000
#define RP_FLASH_PS_SIZE        0x0000C000
#define RP_IMAGE_HDR_SIZE       0x00000400
#define RP_IMAGE_TLV_ROOM       0x00000400
#define RP_IMAGE_PAYLOAD_MAX    (RP_FLASH_SLOT_SIZE - RP_IMAGE_HDR_SIZE - RP_IMAGE_TLV_ROOM - \
                                 RP_FLASH_SECTOR_SIZE)

/* BL2: code at the reset vector (INITSVTOR0), its RAM in the secure internal SRAM. */
#define RP_BL2_CODE_BASE        (RP_FLASH_S_BASE + RP_FLASH_BL2_OFF)
#define RP_BL2_CODE_SIZE        RP_FLASH_BL2_SIZE
#define RP_BL2_RAM_BASE         0x30000000
#define RP_BL2_RAM_SIZE         0x00008000

/* The secure image after its header in the S primary slot: the vector table, then the NSC
 * veneers at a fixed address (so that an NS image keeps working across secure image
 * updates, and the signed payload is only as long as the code), then code and rodata. */
#define RP_S_CODE_BASE          (RP_FLASH_S_BASE + RP_FLASH_S_PRIMARY + RP_IMAGE_HDR_SIZE)
#define RP_S_CODE_SIZE          RP_IMAGE_PAYLOAD_MAX
#define RP_S_VECTORS_SIZE       0x00000200
#define RP_S_VENEER_BASE        (RP_S_CODE_BASE + RP_S_VECTORS_SIZE)
#define RP_S_VENEER_SIZE        0x00000200
#define RP_S_TEXT_BASE          (RP_S_VENEER_BASE + RP_S_VENEER_SIZE)

/* The non-secure image's code, after its header in the NS primary slot (NS alias of
 * SSRAM1). The NS region given to the SAU and MPC runs to the slot's end, so that the NS
 * image can also confirm itself in its trailer; the linker keeps the payload below
 * RP_NS_IMAGE_MAX. */
#define RP_NS_CODE_BASE         (RP_FLASH_NS_BASE + RP_FLASH_NS_PRIMARY + RP_IMAGE_HDR_SIZE)
#define RP_NS_CODE_SIZE         (RP_FLASH_SLOT_SIZE - RP_IMAGE_HDR_SIZE)
#define RP_NS_IMAGE_MAX         RP_IMAGE_PAYLOAD_MAX

/* BL2 -> secure image boot data (FORMATS.md §2): the first 0x400 bytes of SSRAM2. The
 * secure image's data region starts after it. */
#define RP_BOOT_SHARED_BASE     0x38000000
#define RP_BOOT_SHARED_SIZE     0x00000400

/* SSRAM2 (2 MiB): first half secure data (after the boot data), second half non-secure
 * data. */
#define RP_S_DATA_BASE          (RP_BOOT_SHARED_BASE + RP_BOOT_SHARED_SIZE)
#define RP_S_DATA_SIZE          (0x00100000 - RP_BOOT_SHARED_SIZE)
#define RP_NS_DATA_BASE         0x28100000
#define RP_NS_DATA_SIZE         0x00100000

/* Stacks at the top of each data region. */
#define RP_S_MSP_SIZE           0x00001000
#define RP_NS_MSP_SIZE          0x00001000

/* Non-secure peripheral alias: all of it is attributed NS by the SAU; the PPCs decide
 * which peripheral actually accepts NS transactions. */
#define RP_NS_PERIPH_BASE       0x40000000
#define RP_NS_PERIPH_SIZE       0x10000000

#endif
