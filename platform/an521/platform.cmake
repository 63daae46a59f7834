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

# Storage: the flash areas, PS's NV counters and the development HUK. They implement the
# storage partitions' port contract (services/its/include/rp_storage_platform.h).
set(RP_PLATFORM_STORAGE_SOURCES
    ${CMAKE_CURRENT_SOURCE_DIR}/boot/core/confirm.c   # the running image confirms itself
    ${RP_PLATFORM_DIR}/secure/flash_s.c
    ${RP_PLATFORM_DIR}/secure/nv_counters_s.c
    ${RP_PLATFORM_DIR}/secure/huk_s.c)
list(APPEND RP_PLATFORM_S_SOURCES ${RP_PLATFORM_STORAGE_SOURCES})
set_source_files_properties(${RP_PLATFORM_STORAGE_SOURCES} PROPERTIES
    INCLUDE_DIRECTORIES
    "${CMAKE_CURRENT_SOURCE_DIR}/services/its/include;${CMAKE_CURRENT_SOURCE_DIR}/boot/core/include")
