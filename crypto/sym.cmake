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
# The one assembly seam: Cortex-M33 builds get the AES S-box (generated from rp_aes.c's C by
# tests/crypto/bench/aes_t2_gen.py: S-box, MixColumns, the encryption rounds) and the SHA-256 compression in Thumb-2 assembly, and
# RP_SYM_T2 makes rp_aes.c and rp_sha2.c call them. tests/crypto/t2_check.sh checks them
# on QEMU. Other targets, and the host, compile the portable C.
if(CMAKE_SYSTEM_PROCESSOR STREQUAL "arm" AND CMAKE_ASM_COMPILER_LOADED
   AND CMAKE_C_FLAGS MATCHES "cortex-m33")
  list(APPEND RAMPART_CRYPTO_SYM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/rp_aes_m33.S
       ${CMAKE_CURRENT_LIST_DIR}/src/rp_sha256_m33.S)
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/src/rp_aes.c
                              ${CMAKE_CURRENT_LIST_DIR}/src/rp_sha2.c PROPERTIES
                              COMPILE_DEFINITIONS RP_SYM_T2)
endif()
list(APPEND RAMPART_CRYPTO_SOURCES ${RAMPART_CRYPTO_SYM_SOURCES})
