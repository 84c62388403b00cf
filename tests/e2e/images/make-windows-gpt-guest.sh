#!/usr/bin/env bash
# The phony Windows guest of make-windows-guest.sh on a GPT disk: its drive
# letters are "DMIO:ID:" + partition GUID registry blobs.
#
#   tests/e2e/images/make-windows-gpt-guest.sh OUT.img
exec "$(dirname "$0")/make-windows-guest.sh" "${1:?usage: make-windows-gpt-guest.sh OUT.img}" gpt
