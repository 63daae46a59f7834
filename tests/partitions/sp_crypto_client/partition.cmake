# Included by cmake/partitions.cmake for the crypto client test partition: the Crypto
# suite's case functions (ns/tests/test_crypto.c without its NS main) and the secure
# Crypto client library (shared code, cmake/crypto_client_s.cmake). The suite's build
# headers (rp_test_crypto_build.h, rp_test_rsa_kat.h) are made by
# services/crypto/partition.cmake in the secure build's binary directory.
target_sources(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ns/tests/test_crypto.c)
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/ns/tests/test_crypto.c PROPERTIES
    COMPILE_DEFINITIONS "RP_CRYPTO_CASES_ONLY=1")
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ns/tests
                           ${CMAKE_CURRENT_BINARY_DIR})
include(${CMAKE_CURRENT_SOURCE_DIR}/cmake/crypto_client_s.cmake)
target_link_libraries(part_${name} PRIVATE rp_crypto_client_s)
