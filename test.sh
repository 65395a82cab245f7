#!/usr/bin/env bash
# Runs every test project of the solution (the README's test command).
set -euo pipefail
cd "$(dirname "$0")"
# Tests talk to servers on 127.0.0.1 only; a proxy from the environment must not intercept them.
unset HTTP_PROXY HTTPS_PROXY ALL_PROXY http_proxy https_proxy all_proxy NO_PROXY no_proxy
dotnet test BackendAI.slnx --nologo "$@"
