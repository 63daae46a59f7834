# Rampart front door. See README.md and docs/build.md.
#   make run    build the boot chain (BL2, signed secure image, signed NS demo), boot it in QEMU
#   make test   every test: host unit/property/fuzz-smoke tests and firmware tests in QEMU
#   make kpi    footprint and instruction-count figures (Markdown + "KPI <key> <n>" lines)
#   make fuzz   the long fuzz and differential campaigns
#   make clean
#   make host-lib PREFIX=dir   the PSA Crypto host library (librampart.a) for Linux programs
BUILD      ?= build
PYTHON     ?= /usr/bin/python3
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FW_CONFIGS ?= sfn_l1 ipc_l1 ipc_l2 ipc_l3
PROFILES   ?= small medium_arotless medium large
RUN_CONFIG ?= sfn_l1
B          := $(abspath $(BUILD))
FW         := $(B)/fw
TOOLCHAIN  := $(CURDIR)/cmake/toolchain-arm-none-eabi.cmake
# Image signing (docs/boot.md): the secure build signs rampart_s; the NS demo is signed here.
SIGN_KEY   ?= $(CURDIR)/tools/sign/keys/bl2_dev_p256_DEVELOPMENT_ONLY.pem
SIGN_NS    = $(PYTHON) tools/sign/rp_sign.py sign -k $(SIGN_KEY) --header-size 0x400 \
	    --pad-header --align 1 --version 0.1.0 --security-counter 1 --boot-record NSPE \
	    --slot-size 0x80000

.PHONY: all deps fw host host-lib run test kpi fuzz clean
# (fw-<config> is a pattern rule: it must not be .PHONY, or make would never apply it)

all: fw host

deps:
	@sh tools/install_deps.sh

# One firmware build: the secure build installs the interface package, then the separate
# NS project builds against it (docs/build.md). $(1): build directory name, $(2): how the
# secure build is configured (a regression configuration or a profile).
define fw_build
	@cmake -S . -B $(FW)/$(1)/s -DCMAKE_TOOLCHAIN_FILE=$(TOOLCHAIN) $(2) \
	    -DCMAKE_INSTALL_PREFIX=$(FW)/$(1)/pkg >/dev/null
	@cmake --build $(FW)/$(1)/s -j $(JOBS)
	@cmake --install $(FW)/$(1)/s >/dev/null
	@cmake -S ns -B $(FW)/$(1)/ns -DRAMPART_PKG=$(FW)/$(1)/pkg >/dev/null
	@cmake --build $(FW)/$(1)/ns -j $(JOBS)
	@arm-none-eabi-objcopy -O binary $(FW)/$(1)/ns/ns_demo.elf $(FW)/$(1)/ns/ns_demo.bin
	@$(SIGN_NS) $(FW)/$(1)/ns/ns_demo.bin $(FW)/$(1)/ns/ns_demo_signed.bin
endef

# A regression configuration (sfn_l1 ...): every test partition, for the test suites.
fw-%: deps
	$(call fw_build,$*,-DRAMPART_CONFIG=$* -DRAMPART_PROFILE=)

# A product profile (profiles/<name>.yaml, docs/profiles.md): what a device ships.
fw-profile-%: deps
	$(call fw_build,$*,-DRAMPART_PROFILE=$(CURDIR)/profiles/$*.yaml)

fw: $(addprefix fw-,$(FW_CONFIGS)) $(addprefix fw-profile-,$(PROFILES))

host: deps
	@cmake -S tests -B $(B)/host -DRAMPART_FW_DIR=$(FW) -DRAMPART_PYTHON=$(PYTHON) \
	    -DRAMPART_FW_CONFIGS="$(FW_CONFIGS)" -DRAMPART_FW_PROFILES="$(PROFILES)" >/dev/null
	@cmake --build $(B)/host -j $(JOBS)

# The PSA Crypto host library for Linux programs (docs/crypto-service.md):
#   make host-lib PREFIX=dir  ->  dir/include/psa/*.h, dir/include/rp_host.h, dir/lib/librampart.a
host-lib:
	@test -n "$(PREFIX)" || { echo "usage: make host-lib PREFIX=<dir>"; exit 2; }
	@cmake -S services/crypto/host -B $(B)/host-lib \
	    -DCMAKE_INSTALL_PREFIX=$(abspath $(PREFIX)) >/dev/null
	@cmake --build $(B)/host-lib -j $(JOBS)
	@cmake --install $(B)/host-lib >/dev/null

# make run: the sfn_l1 regression image; make run PROFILE=<name>: a product profile's.
RUN_DIR    := $(if $(PROFILE),$(PROFILE),$(RUN_CONFIG))
RUN_TARGET := $(if $(PROFILE),fw-profile-$(PROFILE),fw-$(RUN_CONFIG))
run: $(RUN_TARGET)
	@$(PYTHON) tools/qemu_run.py --show --icount --timeout 60 --bl2 $(FW)/$(RUN_DIR)/s/bl2.elf \
	    --s $(FW)/$(RUN_DIR)/s/rampart_s_signed.bin \
	    --ns $(FW)/$(RUN_DIR)/ns/ns_demo_signed.bin

test: fw host
	@$(PYTHON) tools/run_tests.py $(B)/host -j $(JOBS) -LE long

kpi: fw
	@$(PYTHON) tools/kpi.py --fw $(FW) --configs "$(FW_CONFIGS)" --profiles "$(PROFILES)"

fuzz: host
	@$(PYTHON) tools/run_tests.py $(B)/host -L long

clean:
	rm -rf $(BUILD)
