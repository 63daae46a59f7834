# Included by cmake/partitions.cmake for this partition (target part_${name}): the crypto
# primitives are compiled into the partition's own library, so that at isolation levels 2
# and 3 they sit inside the partition's code and data regions.
set(RAMPART_CRYPTO_SOURCES "")
include(${CMAKE_CURRENT_SOURCE_DIR}/crypto/sym.cmake)
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/crypto/pk.cmake)
  include(${CMAKE_CURRENT_SOURCE_DIR}/crypto/pk.cmake)
endif()
target_sources(part_${name} PRIVATE ${RAMPART_CRYPTO_SOURCES})
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/crypto/include
                           ${CMAKE_CURRENT_SOURCE_DIR}/services/crypto)
