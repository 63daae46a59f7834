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

/* Storage areas in SSRAM1 (offsets; secure alias = RP_FLASH_S_BASE + offset), after TF-M's
 * image slots. "Sectors" of 4 KiB: the flash driver (platform/an521/secure/flash_s.c) keeps
 * NOR semantics on this RAM. PS needs 48 KiB (six 8 KiB blocks, docs/storage.md), more than
 * TF-M's 20 KiB, so ITS follows it at 0x30C000; the PS rollback counters (two sectors per
 * counter) follow ITS. Secure only (the MPC keeps SSRAM1 secure outside the NS image). */
#define RP_FLASH_SECTOR_SIZE    0x00001000
#define RP_FLASH_PS_OFF         0x00300000
#define RP_FLASH_PS_SIZE        0x0000C000
#define RP_FLASH_ITS_OFF        0x0030C000
#define RP_FLASH_ITS_SIZE       0x00004000
#define RP_FLASH_PS_NVC_OFF     0x00310000
#define RP_FLASH_PS_NVC_SIZE    0x00006000

/* The secure image: code and read-only data, and the NSC veneers in the last 1 KiB at a
 * fixed address, so that an NS image keeps working across secure image updates. */
#define RP_S_CODE_BASE          0x10000000
#define RP_S_CODE_SIZE          0x00080000
#define RP_S_VENEER_SIZE        0x00000400
#define RP_S_VENEER_BASE        (RP_S_CODE_BASE + RP_S_CODE_SIZE - RP_S_VENEER_SIZE)

/* The non-secure image's code, in the NS alias of SSRAM1. */
#define RP_NS_CODE_BASE         0x00100000
#define RP_NS_CODE_SIZE         0x00080000

/* SSRAM2 (2 MiB): first half secure data, second half non-secure data. */
#define RP_S_DATA_BASE          0x38000000
#define RP_S_DATA_SIZE          0x00100000
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
