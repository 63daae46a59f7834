# Included by cmake/partitions.cmake for the Platform partition (target part_${name}).
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/services/its/include
    ${CMAKE_CURRENT_SOURCE_DIR}/platform/include ${CMAKE_CURRENT_SOURCE_DIR}/services/platform/include)

# The client library rp_platform_svc_* (interface/src/psa_platform_ns.c): installed into the
# interface package for NS images, built as rp_platform_client_s for secure partitions.
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_platform_ns.c DESTINATION src)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/services/platform/include/rp_platform_ipc.h
        DESTINATION include)
add_library(rp_platform_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_platform_ns.c)
target_include_directories(rp_platform_client_s PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/interface/include
                           ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/platform/include)
add_dependencies(rp_platform_client_s rp_manifest_gen)
