/* linker_bl2.ld.S - BL2's layout (preprocessed with the C preprocessor): code at the reset
 * vector in SSRAM1, data, bss and stack in the secure internal SRAM, which BL2 wipes
 * before it jumps (so nothing it computed is left for the next image). */
#include "an521_memory_map.h"

MEMORY
{
    BL2_CODE (rx) : ORIGIN = RP_BL2_CODE_BASE, LENGTH = RP_BL2_CODE_SIZE
    BL2_RAM (rwx) : ORIGIN = RP_BL2_RAM_BASE, LENGTH = RP_BL2_RAM_SIZE
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
    } > BL2_CODE

    .ARM.exidx : { *(.ARM.exidx* .gnu.linkonce.armexidx.*) } > BL2_CODE

    .data : ALIGN(8)
    {
        __bl2_ram_start = .;
        __data_start = .;
        *(.data .data.*)
        . = ALIGN(4);
        __data_end = .;
    } > BL2_RAM AT > BL2_CODE
    __data_load = LOADADDR(.data);

    .bss (NOLOAD) : ALIGN(8)
    {
        __bss_start = .;
        *(.bss .bss.* COMMON)
        . = ALIGN(4);
        __bss_end = .;
    } > BL2_RAM

    .msp (NOLOAD) : ALIGN(8)
    {
        __bl2_msp_limit = .;
        . += 0x2000;
        __bl2_msp_top = .;
        __bl2_ram_end = .;
    } > BL2_RAM

    /DISCARD/ : { *(.ARM.attributes) }
}
