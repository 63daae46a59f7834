/* linker_s.ld.S - secure image layout (preprocessed with the C preprocessor). Each
 * partition's code and data get output sections of their own (generated fragments
 * rp_partitions_*.ld) so that the MPU can confine it; see docs/isolation.md. */
#include "an521_memory_map.h"

MEMORY
{
    S_VEC (rx)   : ORIGIN = RP_S_CODE_BASE, LENGTH = RP_S_VECTORS_SIZE
    S_NSC (rx)   : ORIGIN = RP_S_VENEER_BASE, LENGTH = RP_S_VENEER_SIZE
    S_CODE (rx)  : ORIGIN = RP_S_TEXT_BASE, LENGTH = RP_S_CODE_SIZE - (RP_S_TEXT_BASE - RP_S_CODE_BASE)
    S_DATA (rwx) : ORIGIN = RP_S_DATA_BASE, LENGTH = RP_S_DATA_SIZE
}

ENTRY(Reset_Handler)

SECTIONS
{
    .vectors :
    {
        KEEP(*(.vectors))
    } > S_VEC

    /* The secure gateway veneers: the only NSC memory (an SAU region of its own), at a
     * fixed address; nothing else is placed in S_NSC. */
    .gnu.sgstubs :
    {
        *(.gnu.sgstubs*)
    } > S_NSC
    __sg_start = ADDR(.gnu.sgstubs);
    __sg_end = ALIGN(__sg_start + SIZEOF(.gnu.sgstubs), 32);

    /* Code every thread may run: SPM, libraries, crypto (the vectors and veneers above too:
     * the MPU's shared code region starts at the image's first byte). */
    .text :
    {
        *(EXCLUDE_FILE(*libpart_*.a:*) .text EXCLUDE_FILE(*libpart_*.a:*) .text.*)
        *(EXCLUDE_FILE(*libpart_*.a:*) .rodata EXCLUDE_FILE(*libpart_*.a:*) .rodata.*)
        . = ALIGN(4);
        /* What the reset handler copies (load != 0) or zeroes (load == 0). */
        __rp_init_table_start = .;
        LONG(LOADADDR(.data)) LONG(ADDR(.data)) LONG(SIZEOF(.data))
        LONG(0) LONG(ADDR(.bss)) LONG(SIZEOF(.bss))
#include "rp_partitions_init.ld"
        __rp_init_table_end = .;
        . = ALIGN(32);
        __rp_shared_code_end = .;
    } > S_CODE

    .ARM.exidx : { *(.ARM.exidx* .gnu.linkonce.armexidx.*) } > S_CODE

    /* Each partition's code and read-only data. */
#include "rp_partitions_code.ld"



    .data : ALIGN(8)
    {
        *(EXCLUDE_FILE(*libpart_*.a:*) .data EXCLUDE_FILE(*libpart_*.a:*) .data.*)
        . = ALIGN(4);
    } > S_DATA AT > S_CODE

    .bss (NOLOAD) : ALIGN(8)
    {
        *(EXCLUDE_FILE(*libpart_*.a:*) .bss EXCLUDE_FILE(*libpart_*.a:*) .bss.* COMMON)
        . = ALIGN(4);
    } > S_DATA

    /* Each partition's data, bss and stack. */
#include "rp_partitions_data.ld"

    .msp (NOLOAD) : ALIGN(32)
    {
        __s_msp_limit = .;
        . += RP_S_MSP_SIZE;
        __s_msp_top = .;
    } > S_DATA

    /DISCARD/ : { *(.ARM.attributes) }
}
