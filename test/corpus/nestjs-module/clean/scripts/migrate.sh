#!/bin/sh
# Run by the release job before new pods start: never at container start.
set -eu
exec yarn migration:run
