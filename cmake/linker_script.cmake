# rampart_linker_script(OUT template.ld.S include_dir...): preprocesses a linker script
# template with the C preprocessor, so that it reads the same memory-map header as C.
function(rampart_linker_script out template)
  set(incs "")
  foreach(d IN LISTS ARGN)
    list(APPEND incs -I${d})
  endforeach()
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_C_COMPILER} -E -P -x c ${incs} ${template} -o ${out}
    DEPENDS ${template}
    IMPLICIT_DEPENDS C ${template}
    COMMENT "Linker script ${out}")
endfunction()
