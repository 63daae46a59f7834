# Included by cmake/partitions.cmake for the attestation partition (target part_${name}):
# its own copies of the CBOR encoder and of the boot data parsers (pure code that must lie
# inside its own regions at level 3), and the Crypto client library.
target_sources(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/lib/cbor/rp_cbor.c
               ${CMAKE_CURRENT_SOURCE_DIR}/boot/core/boot_data.c)
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/lib/cbor
    ${CMAKE_CURRENT_SOURCE_DIR}/boot/core/include
    ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include)

# The Crypto client library for secure partitions (shared code, like rp_its_client_s).
include(${CMAKE_CURRENT_SOURCE_DIR}/cmake/crypto_client_s.cmake)
target_link_libraries(part_${name} PRIVATE rp_crypto_client_s)

# The symmetric variant (docs/attestation.md): COSE_Mac0 with HMAC-SHA-256 under a key the
# Crypto service derives for this partition. It handles the key bytes once, so it needs
# rp_wipe: a private copy of crypto/src/rp_ct.c. As for PS (services/ps/partition.cmake),
# the partition is then pre-linked into one object in which only its entry points stay
# global, so that the copy is never confused with the Crypto partition's (at level 3 each
# may run only its own code).
option(RAMPART_ATTEST_SYMMETRIC "Initial attestation tokens as COSE_Mac0 (HMAC-SHA-256)" OFF)
if(RAMPART_ATTEST_SYMMETRIC)
  get_target_property(_at_srcs part_${name} SOURCES)
  add_library(rp_attest_private OBJECT ${_at_srcs} ${CMAKE_CURRENT_SOURCE_DIR}/crypto/src/rp_ct.c)
  set_property(TARGET rp_attest_private PROPERTY INTERPROCEDURAL_OPTIMIZATION OFF)
  target_compile_options(rp_attest_private PRIVATE -fno-lto)
  target_compile_definitions(rp_attest_private PRIVATE RP_ATTEST_SYMMETRIC=1)
  target_include_directories(rp_attest_private PRIVATE
      ${CMAKE_CURRENT_SOURCE_DIR}/interface/include ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/crypto/include
      ${CMAKE_CURRENT_SOURCE_DIR}/lib/cbor ${CMAKE_CURRENT_SOURCE_DIR}/boot/core/include
      ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include)
  add_dependencies(rp_attest_private rp_manifest_gen)
  set(_at_obj ${CMAKE_CURRENT_BINARY_DIR}/rp_attest_private.o)
  add_custom_command(OUTPUT ${_at_obj}
    COMMAND ${CMAKE_C_COMPILER} -nostdlib -r -o ${_at_obj}.r $<TARGET_OBJECTS:rp_attest_private>
    COMMAND ${CMAKE_OBJCOPY} -G rp_attest_sp_init -G rp_attest_sfn -G rp_attest_sp_main
            ${_at_obj}.r ${_at_obj}
    DEPENDS rp_attest_private $<TARGET_OBJECTS:rp_attest_private>
    COMMAND_EXPAND_LISTS VERBATIM
    COMMENT "Attestation partition: one object, a private copy of rp_ct")
  set_property(TARGET part_${name} PROPERTY SOURCES ${_at_obj})
  set_target_properties(part_${name} PROPERTIES LINKER_LANGUAGE C)
endif()

# The client library psa_initial_attest_* (interface/src/psa_attest_ns.c): installed into
# the interface package for NS images, and built as rp_attest_client_s for secure ones.
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_attest_ns.c DESTINATION src)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include/rp_attest_ipc.h
        DESTINATION include)
add_library(rp_attest_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_attest_ns.c)
target_include_directories(rp_attest_client_s PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/interface/include
                           ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include)
add_dependencies(rp_attest_client_s rp_manifest_gen)
