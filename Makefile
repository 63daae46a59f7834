# Rampart front door. See README.md.
BUILD   ?= build
PYTHON  ?= /usr/bin/python3
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE   ?= cmake

.PHONY: host host-test clean
host:
	$(CMAKE) -S tests -B $(BUILD)/host -DRAMPART_FW_DIR= >/dev/null
	$(CMAKE) --build $(BUILD)/host -j $(JOBS)

host-test: host
	cd $(BUILD)/host && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
