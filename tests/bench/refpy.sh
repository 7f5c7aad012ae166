# shellcheck shell=sh disable=SC2034
# refpy.sh - sourced by the bench scripts: sets refpy to a python3 that
# has scikit-learn (reference.py's learner), or to "" when none has.
# The python3 first on PATH may be one of its own (pyenv, a venv)
# without Debian's python3-sklearn, so the system's is tried too.
refpy=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import sklearn' >/dev/null 2>&1; then
		refpy=$p
		break
	fi
done
