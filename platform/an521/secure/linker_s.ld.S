/* linker_s.ld.S - secure image layout (preprocessed with the C preprocessor). */
#include "an521_memory_map.h"

MEMORY
{
    S_CODE (rx)  : ORIGIN = RP_S_CODE_BASE, LENGTH = RP_S_CODE_SIZE - RP_S_VENEER_SIZE
    S_NSC (rx)   : ORIGIN = RP_S_VENEER_BASE, LENGTH = RP_S_VENEER_SIZE
    S_DATA (rwx) : ORIGIN = RP_S_DATA_BASE, LENGTH = RP_S_DATA_SIZE
}

ENTRY(Reset_Handler)

SECTIONS
{
    .text :
    {
        KEEP(*(.vectors))
        *(.text .text.*)
        *(.rodata .rodata.*)
        . = ALIGN(4);
    } > S_CODE

    .ARM.exidx : { *(.ARM.exidx* .gnu.linkonce.armexidx.*) } > S_CODE

    /* The secure gateway veneers: the only NSC memory (an SAU region of its own), at a
     * fixed address; nothing else is placed in S_NSC. */
    .gnu.sgstubs :
    {
        *(.gnu.sgstubs*)
    } > S_NSC
    __sg_start = ADDR(.gnu.sgstubs);
    __sg_end = ALIGN(__sg_start + SIZEOF(.gnu.sgstubs), 32);

    .data : ALIGN(8)
    {
        __data_start = .;
        *(.data .data.*)
        . = ALIGN(4);
        __data_end = .;
    } > S_DATA AT > S_CODE
    __data_load = LOADADDR(.data);

    .bss (NOLOAD) : ALIGN(8)
    {
        __bss_start = .;
        *(.bss .bss.* COMMON)
        . = ALIGN(4);
        __bss_end = .;
    } > S_DATA

    .msp (NOLOAD) : ALIGN(8)
    {
        __s_msp_limit = .;
        . += RP_S_MSP_SIZE;
        __s_msp_top = .;
    } > S_DATA

    /DISCARD/ : { *(.ARM.attributes) }
}
