/* Host test of the memory map's invariants: what the SAU, the MPCs and the linker scripts
 * assume about an521_memory_map.h. A layout edit that breaks isolation fails here. */
#include <stdint.h>

#include "an521_memory_map.h"
#include "rp_test.h"

#define SSRAM1_NS 0x00000000u
#define SSRAM1_S  0x10000000u
#define SSRAM1_SZ 0x00400000u
#define SSRAM2_NS 0x28000000u
#define SSRAM2_S  0x38000000u
#define SSRAM2_SZ 0x00200000u
#define MPC_BLOCK 0x400u   /* QEMU's SSRAM MPC block (BLK_CFG 5); hardware uses larger */
#define HW_BLOCK  0x4000u  /* keep 16 KiB granularity so a real MPC can express it */

static int inside(uint32_t base, uint32_t size, uint32_t rbase, uint32_t rsize)
{
    return base >= rbase && size <= rsize && base - rbase <= rsize - size;
}

static int disjoint(uint32_t a, uint32_t asz, uint32_t b, uint32_t bsz)
{
    return a + asz <= b || b + bsz <= a;
}

int main(void)
{
    /* Each region lies in its SSRAM and alias. */
    RP_CHECK(inside(RP_S_CODE_BASE, RP_S_CODE_SIZE, SSRAM1_S, SSRAM1_SZ));
    RP_CHECK(inside(RP_NS_CODE_BASE, RP_NS_CODE_SIZE, SSRAM1_NS, SSRAM1_SZ));
    RP_CHECK(inside(RP_S_DATA_BASE, RP_S_DATA_SIZE, SSRAM2_S, SSRAM2_SZ));
    RP_CHECK(inside(RP_NS_DATA_BASE, RP_NS_DATA_SIZE, SSRAM2_NS, SSRAM2_SZ));

    /* Secure and non-secure never share physical memory. */
    RP_CHECK(disjoint(RP_S_CODE_BASE - SSRAM1_S, RP_S_CODE_SIZE,
                      RP_NS_CODE_BASE - SSRAM1_NS, RP_NS_CODE_SIZE));
    RP_CHECK(disjoint(RP_S_DATA_BASE - SSRAM2_S, RP_S_DATA_SIZE,
                      RP_NS_DATA_BASE - SSRAM2_NS, RP_NS_DATA_SIZE));

    /* SAU granularity is 32 bytes; MPC granularity is the block size. The NS code region
     * starts after the image header (0x400) in its slot; the slot itself keeps the
     * hardware MPC granularity. */
    uint32_t ns[] = { RP_NS_CODE_BASE, RP_NS_CODE_SIZE, RP_NS_DATA_BASE, RP_NS_DATA_SIZE };
    for (unsigned i = 0; i < 4; i++) {
        RP_CHECK(ns[i] % 32u == 0);
        RP_CHECK(ns[i] % MPC_BLOCK == 0);
        RP_CHECK(i < 2 || ns[i] % HW_BLOCK == 0);
    }
    RP_CHECK((RP_NS_CODE_BASE - RP_IMAGE_HDR_SIZE) % HW_BLOCK == 0);

    /* Boot layout (docs/boot.md): the slots tile the flash after BL2 without overlap; each
     * image's code lies in its primary slot after the header, with room for its TLVs and
     * the trailer sector; the boot data precede the secure data. */
    uint32_t slots[] = { RP_FLASH_S_PRIMARY, RP_FLASH_NS_PRIMARY, RP_FLASH_S_SECONDARY,
                         RP_FLASH_NS_SECONDARY, RP_FLASH_SCRATCH };
    for (unsigned i = 0; i < 5; i++) {
        RP_CHECK(inside(slots[i], RP_FLASH_SLOT_SIZE, 0, SSRAM1_SZ));
        RP_CHECK(disjoint(slots[i], RP_FLASH_SLOT_SIZE, RP_FLASH_BL2_OFF, RP_FLASH_BL2_SIZE));
        RP_CHECK(slots[i] % RP_FLASH_SECTOR_SIZE == 0);
        for (unsigned j = 0; j < i; j++) {
            RP_CHECK(disjoint(slots[i], RP_FLASH_SLOT_SIZE, slots[j], RP_FLASH_SLOT_SIZE));
        }
    }
    RP_CHECK(disjoint(RP_FLASH_NV_COUNTERS, RP_FLASH_NV_COUNTERS_SIZE, RP_FLASH_SCRATCH,
                      RP_FLASH_SLOT_SIZE));
    RP_CHECK(inside(RP_FLASH_NV_COUNTERS, RP_FLASH_NV_COUNTERS_SIZE, 0, SSRAM1_SZ));
    RP_CHECK_EQ(RP_S_CODE_BASE, 0x10080400u);
    RP_CHECK_EQ(RP_NS_CODE_BASE, 0x00100400u);
    RP_CHECK(RP_S_CODE_BASE + RP_S_CODE_SIZE + RP_IMAGE_TLV_ROOM + RP_FLASH_SECTOR_SIZE ==
             SSRAM1_S + RP_FLASH_S_PRIMARY + RP_FLASH_SLOT_SIZE);
    /* vector table (112 entries, 512-byte aligned), then the veneers, then code */
    RP_CHECK(RP_S_CODE_BASE % 0x200u == 0 && RP_S_VECTORS_SIZE >= (16 + 96) * 4);
    RP_CHECK(RP_S_VENEER_BASE % 32u == 0 && RP_S_VENEER_SIZE % 32u == 0);
    RP_CHECK(RP_S_TEXT_BASE == RP_S_VENEER_BASE + RP_S_VENEER_SIZE);
    RP_CHECK(RP_NS_CODE_BASE + RP_NS_CODE_SIZE == RP_FLASH_NS_PRIMARY + RP_FLASH_SLOT_SIZE);
    RP_CHECK_EQ(RP_BOOT_SHARED_BASE, SSRAM2_S);
    RP_CHECK_EQ(RP_S_DATA_BASE, RP_BOOT_SHARED_BASE + RP_BOOT_SHARED_SIZE);

    /* Storage areas (docs/storage.md): sector-aligned, after every image slot, inside
     * SSRAM1, disjoint from each other and from BL2's NV counters; PS's counters and PS
     * are contiguous (one MPU region for the PS partition at isolation level 3). */
    uint32_t st[][2] = { { RP_FLASH_PS_OFF, RP_FLASH_PS_SIZE },
                         { RP_FLASH_ITS_OFF, RP_FLASH_ITS_SIZE },
                         { RP_FLASH_PS_NVC_OFF, RP_FLASH_PS_NVC_SIZE },
                         { RP_FLASH_NV_COUNTERS, RP_FLASH_NV_COUNTERS_SIZE },
                         { RP_FLASH_PLAT_NVC_OFF, RP_FLASH_PLAT_NVC_SIZE } };
    for (unsigned i = 0; i < 5; i++) {
        RP_CHECK(inside(st[i][0], st[i][1], 0, SSRAM1_SZ));
        RP_CHECK(st[i][0] % RP_FLASH_SECTOR_SIZE == 0 && st[i][1] % RP_FLASH_SECTOR_SIZE == 0);
        RP_CHECK(st[i][0] >= RP_FLASH_SCRATCH + RP_FLASH_SLOT_SIZE);
        for (unsigned j = 0; j < i; j++) {
            RP_CHECK(disjoint(st[i][0], st[i][1], st[j][0], st[j][1]));
        }
    }
    RP_CHECK(RP_FLASH_SCRATCH > RP_FLASH_S_PRIMARY && RP_FLASH_SCRATCH > RP_FLASH_NS_SECONDARY);
    RP_CHECK_EQ(RP_FLASH_PS_NVC_OFF + RP_FLASH_PS_NVC_SIZE, RP_FLASH_PS_OFF);
    RP_CHECK(RP_FLASH_PS_SIZE == 6u * 0x2000u);                /* six 8 KiB PS blocks */
    RP_CHECK(RP_FLASH_ITS_SIZE == 4u * RP_FLASH_SECTOR_SIZE);  /* four 4 KiB ITS blocks */
    RP_CHECK(RP_FLASH_PS_NVC_SIZE == 3u * 2u * RP_FLASH_SECTOR_SIZE); /* 3 counters x 2 */
    RP_CHECK(RP_FLASH_PLAT_NVC_SIZE == 2u * 2u * RP_FLASH_SECTOR_SIZE); /* 2 counters x 2 */

    /* Stacks fit in their data regions with room to spare for .data/.bss. */
    RP_CHECK(RP_S_MSP_SIZE % 8u == 0 && RP_S_MSP_SIZE < RP_S_DATA_SIZE / 2);
    RP_CHECK(RP_NS_MSP_SIZE % 8u == 0 && RP_NS_MSP_SIZE < RP_NS_DATA_SIZE / 2);

    /* The NS peripheral alias is exactly the 0x4xxxxxxx window (IDAU: bit 28 clear). */
    RP_CHECK_EQ(RP_NS_PERIPH_BASE, 0x40000000u);
    RP_CHECK_EQ(RP_NS_PERIPH_SIZE, 0x10000000u);
    return rp_test_end("host.memory_map");
}
