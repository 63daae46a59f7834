# Included by cmake/partitions.cmake for partition P (target part_${name}): the Crypto client
# library, for RP_TEST_PANIC_CRYPTO_HOG (a client that panics holding Crypto resources).
include(${CMAKE_CURRENT_SOURCE_DIR}/cmake/crypto_client_s.cmake)
target_link_libraries(part_${name} PRIVATE rp_crypto_client_s)
