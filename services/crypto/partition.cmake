# Included by cmake/partitions.cmake for this partition (target part_${name}): the crypto
# primitives are compiled into the partition's own library, so that at isolation levels 2
# and 3 they sit inside the partition's code and data regions.
# The service takes P-256's fast configuration (docs/p256.md): keygen 1.8 M instead of
# 13.5 M instructions, sign 2.3 M instead of 14.1 M, verify 7.7 M instead of 27.3 M, for
# 2.7 KB more code. -DRAMPART_P256_FAST=OFF on the command line still selects the small one.
if(NOT DEFINED CACHE{RAMPART_P256_FAST})
  set(RAMPART_P256_FAST ON)
endif()
set(RAMPART_CRYPTO_SOURCES "")
include(${CMAKE_CURRENT_SOURCE_DIR}/crypto/sym.cmake)
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/crypto/pk.cmake)
  include(${CMAKE_CURRENT_SOURCE_DIR}/crypto/pk.cmake)
endif()
target_sources(part_${name} PRIVATE ${RAMPART_CRYPTO_SOURCES})
target_compile_definitions(part_${name} PRIVATE ${RAMPART_CRYPTO_DEFINITIONS})
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/crypto/include
                           ${CMAKE_CURRENT_SOURCE_DIR}/services/crypto)
