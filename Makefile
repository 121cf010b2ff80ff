# Two entry points: `make demo` (set up + the main job) and `make test` (set up + the suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  := demo/store
# Debian packages the browser, ontology and OCR tests use; installed when run as root.
DEBIAN := default-jre-headless chromium raptor2-utils tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core

.PHONY: demo test system-deps clean

$(BIN)/vankien: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

demo: $(BIN)/vankien
	$(BIN)/vankien ingest examples/corpus --store $(STORE)
	$(BIN)/vankien stats --store $(STORE)
	$(BIN)/vankien view 35-NQ/TW --depth 2 --store $(STORE) -o demo/view.html

system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN) >/dev/null; \
	else \
		echo "note: not root or no apt-get: tests needing $(DEBIAN) will be skipped"; \
	fi

test: $(BIN)/vankien system-deps
	$(BIN)/ruff check .
	$(BIN)/pytest

clean:
	rm -rf $(VENV) demo *.egg-info
