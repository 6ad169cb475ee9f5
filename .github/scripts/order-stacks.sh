#!/usr/bin/env bash
# Orders the changed stacks by the declared promotion order, so `pulumi up` runs staging before prod whatever order
# git lists the files in.
#   usage: order-stacks.sh "<stack> <stack> ..." < changed-stack-names   (one name per line)
# Prints the changed stacks as a JSON array in promotion order. A changed stack missing from the order fails (exit 1):
# its place must be declared, or it could deploy before the stacks that should prove a change first.
set -euo pipefail

read -r -a order <<< "${1:-}"
changed=()
while IFS= read -r name; do
  [ -n "$name" ] && changed+=("$name")
done

for name in "${changed[@]+"${changed[@]}"}"; do
  known=false
  for declared in "${order[@]+"${order[@]}"}"; do
    [ "$name" = "$declared" ] && known=true
  done
  if [ "$known" = false ]; then
    echo "::error::stack '$name' is not in the promotion order (${1:-empty}); add it to PROMOTION_ORDER in .github/workflows/kafka-infra.yml" >&2
    exit 1
  fi
done

ordered=()
for declared in "${order[@]+"${order[@]}"}"; do
  for name in "${changed[@]+"${changed[@]}"}"; do
    if [ "$name" = "$declared" ]; then
      ordered+=("$name")
      break
    fi
  done
done

printf '%s\n' "${ordered[@]+"${ordered[@]}"}" | jq -R -s -c 'split("\n") | map(select(length > 0))'
