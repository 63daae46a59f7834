# The public-key half of rampart_crypto (see crypto/CMakeLists.txt): P-256, P-384, RSA and
# the DER encodings they need.
# RAMPART_P256_FAST selects the P-256 configuration (docs/p256.md): OFF = small (about
# 3 KB of code, < 700 bytes of stack), ON = fast (comb table, about 5.5 KB).
option(RAMPART_P256_FAST "P-256 fast configuration (comb table, windows)" OFF)
set(RAMPART_CRYPTO_PK_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/p256.c
  ${CMAKE_CURRENT_LIST_DIR}/src/der.c
)
foreach(f IN ITEMS p384.c rsa.c bignum.c)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/src/${f})
    list(APPEND RAMPART_CRYPTO_PK_SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/${f})
  endif()
endforeach()
# A definition for the target that compiles these sources (target scope, not a source
# property: BL2 compiles p256.c in the same directory and keeps the small configuration).
set(RAMPART_CRYPTO_DEFINITIONS "")
if(RAMPART_P256_FAST)
  list(APPEND RAMPART_CRYPTO_DEFINITIONS RP_P256_FAST=1)
endif()
list(APPEND RAMPART_CRYPTO_SOURCES ${RAMPART_CRYPTO_PK_SOURCES})
