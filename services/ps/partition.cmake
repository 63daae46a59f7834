# Included by cmake/partitions.cmake for the PS partition (target part_${name}).
#
# PS needs its own copy of rp_its (for the PS area) and of the crypto it uses (AES-GCM,
# HKDF-SHA-256, rp_wipe). At isolation level 3 a partition may run only shared code and
# its own, so those copies must be PS's, and they must not be confused with the same-named
# functions of the ITS partition (or of a crypto partition): the linker would otherwise
# bind PS's calls to whichever archive defines the name first. So PS is pre-linked into
# one object (ld -r) in which only its entry points stay global (objcopy -G); everything
# else, the copies included, becomes local to it.
set(_ps_keep rp_ps_sp_init rp_ps_sfn rp_ps_sp_main)
set(RAMPART_CRYPTO_SOURCES "")
include(${CMAKE_CURRENT_SOURCE_DIR}/crypto/sym.cmake)
add_library(rp_ps_private OBJECT ${srcs} ${CMAKE_CURRENT_SOURCE_DIR}/services/its/rp_its.c
            ${RAMPART_CRYPTO_SOURCES})
set_property(TARGET rp_ps_private PROPERTY INTERPROCEDURAL_OPTIMIZATION OFF)
target_compile_options(rp_ps_private PRIVATE -fno-lto)
target_include_directories(rp_ps_private PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/interface/include
    ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/its/include
    ${CMAKE_CURRENT_SOURCE_DIR}/services/ps/include ${CMAKE_CURRENT_SOURCE_DIR}/platform/include
    ${CMAKE_CURRENT_SOURCE_DIR}/crypto/include)
add_dependencies(rp_ps_private rp_manifest_gen)
set(_ps_obj ${CMAKE_CURRENT_BINARY_DIR}/rp_ps_private.o)
set(_ps_keep_args "")
foreach(sym IN LISTS _ps_keep)
  list(APPEND _ps_keep_args -G ${sym})
endforeach()
add_custom_command(OUTPUT ${_ps_obj}
  COMMAND ${CMAKE_C_COMPILER} -nostdlib -r -o ${_ps_obj}.r $<TARGET_OBJECTS:rp_ps_private>
  COMMAND ${CMAKE_OBJCOPY} ${_ps_keep_args} ${_ps_obj}.r ${_ps_obj}
  DEPENDS rp_ps_private $<TARGET_OBJECTS:rp_ps_private>
  COMMAND_EXPAND_LISTS VERBATIM
  COMMENT "PS partition: one object, private copies of rp_its and crypto")
set_property(TARGET part_${name} PROPERTY SOURCES ${_ps_obj})
set_target_properties(part_${name} PROPERTIES LINKER_LANGUAGE C)

# The client library psa_ps_* (interface/src/psa_ps_ns.c), as for ITS (services/its).
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_ps_ns.c DESTINATION src)
add_library(rp_ps_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_ps_ns.c)
target_include_directories(rp_ps_client_s PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/interface/include
                           ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/its/include)
add_dependencies(rp_ps_client_s rp_manifest_gen)
