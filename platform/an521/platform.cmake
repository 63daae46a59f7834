# The AN521 port for the secure build: its sources, linker script and what it installs
# into the interface package for the non-secure build.
set(RP_PLATFORM_DIR ${CMAKE_CURRENT_LIST_DIR})
set(RP_PLATFORM_S_SOURCES
    ${RP_PLATFORM_DIR}/secure/startup_s.c
    ${RP_PLATFORM_DIR}/secure/platform_s.c
    ${RP_PLATFORM_DIR}/secure/faults.c)
set(RP_PLATFORM_INCLUDES ${RP_PLATFORM_DIR}/include)
set(RP_PLATFORM_S_LINKER_TEMPLATE ${RP_PLATFORM_DIR}/secure/linker_s.ld.S)
set(RP_PLATFORM_NS_FILES
    ${RP_PLATFORM_DIR}/ns/platform_ns.c
    ${RP_PLATFORM_DIR}/ns/rp_ns_platform.h
    ${RP_PLATFORM_DIR}/ns/linker_ns.ld.S
    ${RP_PLATFORM_DIR}/include/an521_memory_map.h
    ${RP_PLATFORM_DIR}/include/an521_regs.h)
set(RP_QEMU_MACHINE mps2-an521)
