# Toolchain for the AN521 cores: Cortex-M33 without DSP and FPU (QEMU's CPU0), Thumb.
# Used by the secure build and installed in the interface package for the NS build.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(RP_CPU_FLAGS "-mcpu=cortex-m33+nodsp+nofp -mthumb -mfloat-abi=soft")
set(CMAKE_C_FLAGS_INIT "${RP_CPU_FLAGS} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${RP_CPU_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "${RP_CPU_FLAGS} -nostartfiles --specs=nano.specs -Wl,--gc-sections")
set(CMAKE_C_FLAGS_MINSIZEREL_INIT "-Os")
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE MinSizeRel CACHE STRING "Build type (-Os by default)")
endif()
