# Partitions of the secure image, from the profile: each partition's sources (the .c files
# next to its manifest) become a static library libpart_<name>.a compiled without LTO, so
# that the linker script can place the partition's code and data in regions of their own
# (the MPU confines a partition to them at isolation levels 2 and 3; docs/isolation.md).
#
# Outputs: PARTITION_LIBS, MANIFESTS, and in ${GEN}:
#   rp_partitions_code.ld / rp_partitions_data.ld  linker script fragments
#   rp_partition_memory.c                          each partition's region bounds

execute_process(
  COMMAND ${RAMPART_PYTHON} -c "
import sys, yaml, os
d = yaml.safe_load(open(sys.argv[1])) or {}
for p in d.get('partitions') or []:
    m = yaml.safe_load(open(os.path.join(sys.argv[2], p)))
    print(os.path.dirname(p) + '|' + m['name'].lower() + '|' + m['type'])
" ${RAMPART_PROFILE} ${CMAKE_CURRENT_SOURCE_DIR}
  OUTPUT_VARIABLE PARTITION_LINES OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
string(REPLACE "\n" ";" PARTITION_LINES "${PARTITION_LINES}")

set(PARTITION_LIBS "")
set(MANIFESTS "")
set(code_ld "")
set(data_ld "")
set(mem_c "/* Generated from ${RAMPART_PROFILE} by cmake/partitions.cmake. Do not edit. */\n#include \"rp_partition_memory.h\"\n\n")
set(mem_tab "const rp_partition_memory_t rp_partition_memory[] = {\n")
set(init_ld "")

# ARoT partitions first, so that at level 2 they form one code and one data range.
set(ordered "")
foreach(kind IN ITEMS APPLICATION-ROT PSA-ROT)
  foreach(line IN LISTS PARTITION_LINES)
    if(line MATCHES "\\|${kind}$")
      list(APPEND ordered "${line}")
    endif()
  endforeach()
endforeach()

foreach(line IN LISTS ordered)
  string(REPLACE "|" ";" f "${line}")
  list(GET f 0 dir)
  list(GET f 1 name)
  file(GLOB srcs ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.c)
  file(GLOB mans ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.yaml ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.json)
  list(APPEND MANIFESTS ${mans})
  add_library(part_${name} STATIC ${srcs})
  target_compile_options(part_${name} PRIVATE -fno-lto)
  target_include_directories(part_${name} PRIVATE interface/include ${GEN}
                             tests/partitions/include crypto/include)
  add_dependencies(part_${name} rp_manifest_gen)
  # A partition that always runs unprivileged calls the SPM's SVC entries directly.
  list(GET f 2 type)
  if(RAMPART_ISOLATION EQUAL 3 OR (RAMPART_ISOLATION EQUAL 2 AND type STREQUAL "APPLICATION-ROT"))
    target_compile_options(part_${name} PRIVATE
                           -include ${CMAKE_CURRENT_SOURCE_DIR}/spm/include/rp_partition_svc.h)
  endif()
  # A partition may add to its library (e.g. the primitives it alone uses, so that they
  # lie inside its own MPU regions).
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/partition.cmake)
    include(${CMAKE_CURRENT_SOURCE_DIR}/${dir}/partition.cmake)
  endif()
  list(APPEND PARTITION_LIBS part_${name})
  string(APPEND code_ld "    .rp_${name}_code : ALIGN(32)\n    {\n        __rp_${name}_code_start = .;\n        *libpart_${name}.a:*(.text .text.* .rodata .rodata.*)\n        . = ALIGN(32);\n        __rp_${name}_code_end = .;\n    } > S_CODE\n")
  string(APPEND data_ld "    .rp_${name}_data : ALIGN(32)\n    {\n        __rp_${name}_data_start = .;\n        LONG(0x52415052) /* never empty: an empty section's address is not reliable */\n        *libpart_${name}.a:*(.data .data.*)\n        . = ALIGN(4);\n    } > S_DATA AT > S_CODE\n    .rp_${name}_bss (NOLOAD) :\n    {\n        *(.rp_part.${name}.stack)\n        *libpart_${name}.a:*(.bss .bss.* COMMON)\n        . = ALIGN(32);\n        __rp_${name}_data_end = .;\n    } > S_DATA\n")
  string(APPEND init_ld "        LONG(LOADADDR(.rp_${name}_data)) LONG(ADDR(.rp_${name}_data)) LONG(SIZEOF(.rp_${name}_data))\n        LONG(0) LONG(ADDR(.rp_${name}_bss)) LONG(SIZEOF(.rp_${name}_bss))\n")
  string(APPEND mem_c "extern char __rp_${name}_code_start[], __rp_${name}_code_end[], __rp_${name}_data_start[], __rp_${name}_data_end[];\n")
  string(APPEND mem_tab "    { \"${name}\", __rp_${name}_code_start, __rp_${name}_code_end, __rp_${name}_data_start, __rp_${name}_data_end },\n")
endforeach()
list(LENGTH ordered n_parts)
string(APPEND mem_c "\n${mem_tab}    { 0, 0, 0, 0, 0 },\n};\nconst unsigned rp_partition_memory_count = ${n_parts}u;\n")
file(MAKE_DIRECTORY ${GEN})
file(CONFIGURE OUTPUT ${GEN}/rp_partitions_code.ld CONTENT "${code_ld}" @ONLY)
file(CONFIGURE OUTPUT ${GEN}/rp_partitions_data.ld CONTENT "${data_ld}" @ONLY)
file(CONFIGURE OUTPUT ${GEN}/rp_partitions_init.ld CONTENT "${init_ld}" @ONLY)
file(CONFIGURE OUTPUT ${GEN}/rp_partition_memory.c CONTENT "${mem_c}" @ONLY)
