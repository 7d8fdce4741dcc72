# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv with a Python 3.12+ found by bin/find-python.

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint check-migrations clean

$(PY):
	@python=$$(bin/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

run: export DEBUG ?= true
run: $(VENV)/.runtime
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py setup_local --address http://$(HOST):$(PORT)
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

check-migrations: $(VENV)/.dev
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache
