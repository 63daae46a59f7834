# The symmetric half of rampart_crypto (see crypto/CMakeLists.txt): hashes, MACs, KDFs,
# AES and its modes, ChaCha20-Poly1305, HMAC_DRBG and the constant-time helpers.
set(RAMPART_CRYPTO_SYM_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/rp_ct.c
  ${CMAKE_CURRENT_LIST_DIR}/src/rp_sha2.c
  ${CMAKE_CURRENT_LIST_DIR}/src/rp_hmac.c
  ${CMAKE_CURRENT_LIST_DIR}/src/rp_aes.c
  ${CMAKE_CURRENT_LIST_DIR}/src/rp_gcm.c
  ${CMAKE_CURRENT_LIST_DIR}/src/rp_ccm.c
)
foreach(f IN ITEMS rp_aes_modes.c rp_cmac.c rp_chachapoly.c rp_drbg.c)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/src/${f})
    list(APPEND RAMPART_CRYPTO_SYM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/${f})
  endif()
endforeach()
list(APPEND RAMPART_CRYPTO_SOURCES ${RAMPART_CRYPTO_SYM_SOURCES})
