# BL2 in the secure build (included from the root CMakeLists.txt): bl2.elf, and the signed
# secure image rampart_s_signed.bin for the S primary slot. The NS images are signed after
# the separate NS build (Makefile, or tools/qemu_run.py --bl2 on the fly). docs/boot.md.
set(RAMPART_BL2_KEY ${CMAKE_CURRENT_SOURCE_DIR}/tools/sign/keys/bl2_dev_p256_DEVELOPMENT_ONLY.pem
    CACHE FILEPATH "Image signing key (the default is the DEVELOPMENT ONLY key)")
set(RAMPART_S_IMAGE_VERSION ${PROJECT_VERSION}+0 CACHE STRING "Secure image version")
set(RAMPART_S_SECURITY_COUNTER 1 CACHE STRING "Secure image security counter")
set(RP_SIGN ${RAMPART_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tools/sign/rp_sign.py)

set(BL2_GEN ${CMAKE_CURRENT_BINARY_DIR}/bl2_generated)
file(MAKE_DIRECTORY ${BL2_GEN})
add_custom_command(OUTPUT ${BL2_GEN}/rp_bl2_keys.h
  COMMAND ${RP_SIGN} getpub -k ${RAMPART_BL2_KEY} --header ${BL2_GEN}/rp_bl2_keys.h
  DEPENDS ${RAMPART_BL2_KEY} ${CMAKE_CURRENT_SOURCE_DIR}/tools/sign/rp_sign.py
  COMMENT "BL2 provisioned key from ${RAMPART_BL2_KEY}")

set(BL2_LD ${CMAKE_CURRENT_BINARY_DIR}/bl2.ld)
rampart_linker_script(${BL2_LD} ${RP_PLATFORM_DIR}/bl2/linker_bl2.ld.S ${RP_PLATFORM_INCLUDES})
set(BL2_SOURCES
    boot/bl2/bl2_main.c
    boot/core/image.c
    boot/core/boot_data.c
    boot/core/upgrade.c
    boot/core/confirm.c
    boot/core/nv_otp.c
    crypto/src/rp_sha2.c        # with RP_SHA2_SMALL: the smallest SHA-256 compression
    crypto/src/p256.c
    crypto/src/rp_ct.c
    ${RP_PLATFORM_DIR}/bl2/bl2_platform.c
    ${BL2_GEN}/rp_bl2_keys.h
    ${BL2_LD})
# bl2.elf upgrades by swap (test, confirm, revert); bl2_overwrite.elf is the overwrite-only
# variant (TF-M's default), built for its QEMU test.
foreach(variant IN ITEMS bl2 bl2_overwrite)
  add_executable(${variant} ${BL2_SOURCES})
  set_target_properties(${variant} PROPERTIES SUFFIX .elf)
  target_include_directories(${variant} PRIVATE boot/bl2 ${BL2_GEN} boot/core/include
      crypto/include platform/include ${RP_PLATFORM_INCLUDES})
  target_link_options(${variant} PRIVATE -T${BL2_LD} -Wl,-Map=${variant}.map)
  target_compile_definitions(${variant} PRIVATE RP_SHA2_SMALL)
  # BL2 must fit 8 KiB (docs/boot.md): interprocedural pointer analysis and no loop-header
  # copying save 64 bytes across its LTO unit (measured: 8,256 -> 8,192) for a few
  # instructions per loop entry.
  target_compile_options(${variant} PRIVATE -fipa-pta -fno-tree-ch)
  target_link_options(${variant} PRIVATE -fipa-pta -fno-tree-ch)
  set_property(TARGET ${variant} APPEND PROPERTY LINK_DEPENDS ${BL2_LD})
endforeach()
target_compile_definitions(bl2_overwrite PRIVATE RP_BL2_UPGRADE_MODE=RP_BOOT_MODE_OVERWRITE)

add_custom_command(OUTPUT rampart_s_signed.bin
  COMMAND ${CMAKE_OBJCOPY} -O binary $<TARGET_FILE:rampart_s> rampart_s.bin
  COMMAND ${RP_SIGN} sign -k ${RAMPART_BL2_KEY} --header-size 0x400 --pad-header --align 1
          --version ${RAMPART_S_IMAGE_VERSION} --security-counter ${RAMPART_S_SECURITY_COUNTER}
          --boot-record SPE -d "(1,0.0.0+0)" --slot-size 0x80000 rampart_s.bin
          rampart_s_signed.bin
  DEPENDS rampart_s ${RAMPART_BL2_KEY}
  COMMENT "Signing the secure image" VERBATIM)
add_custom_target(rampart_s_signed ALL DEPENDS rampart_s_signed.bin)
install(TARGETS bl2 RUNTIME DESTINATION bin)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/rampart_s_signed.bin DESTINATION bin)
