# The PSA Crypto client library for secure partitions (interface/src/psa_crypto_ns.c built
# against the image's generated SIDs): shared code, like rp_its_client_s. Included by the
# partition.cmake of each partition that calls the Crypto service; defined once.
if(NOT TARGET rp_crypto_client_s)
  add_library(rp_crypto_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_crypto_ns.c)
  target_include_directories(rp_crypto_client_s PRIVATE
      ${CMAKE_CURRENT_SOURCE_DIR}/interface/include ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/crypto)
  add_dependencies(rp_crypto_client_s rp_manifest_gen)
endif()
