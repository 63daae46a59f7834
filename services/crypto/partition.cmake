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
# RSA on the device: the primitive keeps its numbers in a static workspace (in this
# library's .bss, so in the partition's own data region), so it fits the partition's
# stacks (docs/crypto-service.md, "Stack").
target_compile_definitions(part_${name} PRIVATE ${RAMPART_CRYPTO_DEFINITIONS}
                           RP_CRYPTO_WITH_RSA=1)
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/crypto/include
                           ${CMAKE_CURRENT_SOURCE_DIR}/services/crypto)
# The RSA known answers of the NS Crypto suite (ns/tests/test_crypto.c), made by a second
# implementation (python3-cryptography, tests/crypto_service/gen_rsa_kat.py) at configure
# time and installed with the interface package, which the NS build reads.
execute_process(COMMAND ${RAMPART_PYTHON}
                        ${CMAKE_CURRENT_SOURCE_DIR}/tests/crypto_service/gen_rsa_kat.py
                        ${CMAKE_CURRENT_BINARY_DIR}/rp_test_rsa_kat.h
                COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/rp_test_rsa_kat.h DESTINATION include)
