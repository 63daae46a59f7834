# Included by cmake/partitions.cmake for the attestation partition (target part_${name}):
# its own copies of the CBOR encoder and of the boot data parsers (pure code that must lie
# inside its own regions at level 3), and the Crypto client library.
target_sources(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/lib/cbor/rp_cbor.c
               ${CMAKE_CURRENT_SOURCE_DIR}/boot/core/boot_data.c)
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/lib/cbor
    ${CMAKE_CURRENT_SOURCE_DIR}/boot/core/include
    ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include)

# The Crypto client library for secure partitions (shared code, like rp_its_client_s).
if(NOT TARGET rp_crypto_client_s)
  add_library(rp_crypto_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_crypto_ns.c)
  target_include_directories(rp_crypto_client_s PRIVATE
      ${CMAKE_CURRENT_SOURCE_DIR}/interface/include ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/crypto)
  add_dependencies(rp_crypto_client_s rp_manifest_gen)
endif()
target_link_libraries(part_${name} PRIVATE rp_crypto_client_s)

# The client library psa_initial_attest_* (interface/src/psa_attest_ns.c): installed into
# the interface package for NS images, and built as rp_attest_client_s for secure ones.
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_attest_ns.c DESTINATION src)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include/rp_attest_ipc.h
        DESTINATION include)
add_library(rp_attest_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_attest_ns.c)
target_include_directories(rp_attest_client_s PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/interface/include
                           ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/attestation/include)
add_dependencies(rp_attest_client_s rp_manifest_gen)
