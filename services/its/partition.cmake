# Included by cmake/partitions.cmake for the ITS partition (target part_${name}).
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/services/its/include
                           ${CMAKE_CURRENT_SOURCE_DIR}/platform/include)

# The client library psa_its_* (interface/src/psa_its_ns.c): installed into the interface
# package for NS images, and built as rp_its_client_s for secure partitions. That library
# is shared code (not a libpart_* archive), so every partition may run it at any isolation
# level; a client partition links it (target_link_libraries(part_<client> ... rp_its_client_s)).
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_its_ns.c DESTINATION src)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/services/its/include/rp_storage_ipc.h
        DESTINATION include)
add_library(rp_its_client_s STATIC ${CMAKE_CURRENT_SOURCE_DIR}/interface/src/psa_its_ns.c)
target_include_directories(rp_its_client_s PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/interface/include
                           ${GEN} ${CMAKE_CURRENT_SOURCE_DIR}/services/its/include)
add_dependencies(rp_its_client_s rp_manifest_gen)
