/* linker_ns.ld.S - non-secure image layout (installed in the interface package). */
#include "an521_memory_map.h"

MEMORY
{
    NS_CODE (rx)  : ORIGIN = RP_NS_CODE_BASE, LENGTH = RP_NS_IMAGE_MAX
    NS_DATA (rwx) : ORIGIN = RP_NS_DATA_BASE, LENGTH = RP_NS_DATA_SIZE
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
    } > NS_CODE

    .ARM.exidx : { *(.ARM.exidx* .gnu.linkonce.armexidx.*) } > NS_CODE

    .data : ALIGN(8)
    {
        __data_start = .;
        *(.data .data.*)
        . = ALIGN(4);
        __data_end = .;
    } > NS_DATA AT > NS_CODE
    __data_load = LOADADDR(.data);

    .bss (NOLOAD) : ALIGN(8)
    {
        __bss_start = .;
        *(.bss .bss.* COMMON)
        . = ALIGN(4);
        __bss_end = .;
    } > NS_DATA

    .msp (NOLOAD) : ALIGN(8)
    {
        __ns_msp_limit = .;
        . += RP_NS_MSP_SIZE;
        __ns_msp_top = .;
    } > NS_DATA
}
