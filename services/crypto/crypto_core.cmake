# The crypto core's sources (rp_crypto_core.h), shared by the host library
# (services/crypto/host) and the host tests (tests/crypto_service). The secure image picks
# up the same files because they sit next to the partition's manifest.
set(RAMPART_CRYPTO_CORE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(RAMPART_CRYPTO_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rp_crypto_keys.c
  ${CMAKE_CURRENT_LIST_DIR}/rp_crypto_sym.c
  ${CMAKE_CURRENT_LIST_DIR}/rp_crypto_asym.c)
set(RAMPART_CRYPTO_HOST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/host/rp_host_psa.c
  ${CMAKE_CURRENT_LIST_DIR}/host/rp_host_store.c)
# The host builds have the stack for RSA (rp_crypto_core.h, RP_CRYPTO_WITH_RSA).
set(RAMPART_CRYPTO_HOST_DEFINES RP_CRYPTO_WITH_RSA=1)
