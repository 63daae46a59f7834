# RampartConfig.cmake - the interface package's entry point for a non-secure build.
#   find_package(Rampart REQUIRED CONFIG PATHS <pkg>/cmake NO_DEFAULT_PATH)
#   rampart_ns_executable(my_app main.c ...)
# gives an NS image linked for the NS memory map, with the PSA client API (through the
# secure gateway veneers of the import library) and the platform's NS startup and console.
get_filename_component(RAMPART_PKG_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
include(${CMAKE_CURRENT_LIST_DIR}/linker_script.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/RampartConfigVersion.cmake OPTIONAL)

set(RAMPART_INCLUDE_DIRS ${RAMPART_PKG_DIR}/include ${RAMPART_PKG_DIR}/platform)
set(RAMPART_NS_LINKER_SCRIPT ${CMAKE_BINARY_DIR}/rampart_ns.ld)
if(NOT TARGET rampart_ns_interface)
  rampart_linker_script(${RAMPART_NS_LINKER_SCRIPT}
      ${RAMPART_PKG_DIR}/platform/linker_ns.ld.S ${RAMPART_PKG_DIR}/platform)
  add_custom_target(rampart_ns_ld DEPENDS ${RAMPART_NS_LINKER_SCRIPT})
  file(GLOB _rp_ns_api ${RAMPART_PKG_DIR}/src/*.c)
  add_library(rampart_ns_interface STATIC ${_rp_ns_api} ${RAMPART_PKG_DIR}/platform/rp_print.c)
  target_include_directories(rampart_ns_interface PUBLIC ${RAMPART_INCLUDE_DIRS})
  target_link_libraries(rampart_ns_interface PUBLIC ${RAMPART_PKG_DIR}/lib/s_veneers.o)
endif()

# rampart_ns_executable(name sources...): an NS image <name>.elf.
function(rampart_ns_executable name)
  add_executable(${name} ${ARGN} ${RAMPART_PKG_DIR}/platform/platform_ns.c)
  set_target_properties(${name} PROPERTIES SUFFIX .elf)
  target_link_libraries(${name} PRIVATE rampart_ns_interface)
  add_dependencies(${name} rampart_ns_ld)
  target_link_options(${name} PRIVATE -T${RAMPART_NS_LINKER_SCRIPT} -Wl,-Map=${name}.map)
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${RAMPART_NS_LINKER_SCRIPT})
endfunction()
