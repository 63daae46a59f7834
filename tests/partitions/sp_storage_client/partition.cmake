# Included by cmake/partitions.cmake for the storage client test partition: the storage
# suite's case functions (ns/tests/test_storage.c without its NS main) and the secure
# client libraries of ITS and PS (shared code, services/its and services/ps).
target_sources(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ns/tests/test_storage.c)
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/ns/tests/test_storage.c PROPERTIES
    COMPILE_DEFINITIONS "RP_STORAGE_CASES_ONLY=1;RP_STORAGE_LOOPS=60")
target_include_directories(part_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ns/tests
                           ${RP_PLATFORM_INCLUDES})
target_link_libraries(part_${name} PRIVATE rp_its_client_s rp_ps_client_s)
