#!/usr/bin/env bash
# azd postdeploy hook: subscribes the function's blob trigger to BlobCreated events of the articles container.
#
# Why here and not in main.bicep: the Event Grid webhook is authenticated with the host's blobs_extension system key,
# and the host creates that key only after the deployed code registers its EventGrid-source blob trigger. So the
# subscription is a second deployment (infra/app/articles-subscription.bicep) that runs after `azd deploy`.
#
# azd passes the main.bicep outputs (and AZURE_SUBSCRIPTION_ID) to hooks as environment variables. Every az call names
# that subscription with --subscription: `az account set` would change the default of the user's Azure CLI for good.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="${script_dir}/../app/articles-subscription.bicep"
attempts="${POSTDEPLOY_ATTEMPTS:-30}"
delay_seconds="${POSTDEPLOY_DELAY_SECONDS:-10}"

fail() {
  echo "postdeploy: $*" >&2
  exit 1
}

command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required: https://aka.ms/install-azure-cli"

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME ARTICLES_EVENTS_SYSTEM_TOPIC_NAME ARTICLES_CONTAINER_NAME \
  ARTICLES_TRIGGER_FUNCTION_NAME; do
  [ -n "${!name:-}" ] || fail "${name} is not set; run 'azd provision' first."
done

subscription="${AZURE_SUBSCRIPTION_ID}"

# A token request proves the sign-in is current (az account show answers from its cache even when it has expired).
if ! az account get-access-token --subscription "${subscription}" --output none 2>/dev/null; then
  fail "the Azure CLI is not signed in to subscription ${subscription} (azd and the Azure CLI sign in separately).
Run 'az login' (add --tenant <tenant-id> if the subscription is in another tenant), then 'azd hooks run postdeploy'."
fi

# Polls until the command prints something: right after a deployment the host is still starting.
wait_for() {
  local description="$1"
  shift
  local value=""
  for ((attempt = 1; attempt <= attempts; attempt++)); do
    value="$("$@" 2>/dev/null || true)"
    if [ -n "${value}" ] && [ "${value}" != "None" ]; then
      printf '%s' "${value}"
      return 0
    fi
    echo "postdeploy: waiting for ${description} (${attempt}/${attempts})..." >&2
    sleep "${delay_seconds}"
  done
  fail "gave up waiting for ${description}; check the function app's logs in Application Insights."
}

blobs_extension_key_exists() {
  # Prints only whether the key exists; the deployment reads the key itself with listKeys.
  local key
  key="$(az functionapp keys list \
    --subscription "${subscription}" \
    --resource-group "${AZURE_RESOURCE_GROUP}" \
    --name "${AZURE_FUNCTION_APP_NAME}" \
    --query "systemKeys.blobs_extension" \
    --output tsv)"
  if [ -n "${key}" ]; then
    echo "yes"
  fi
}

wait_for "the blobs_extension system key" blobs_extension_key_exists >/dev/null

echo "postdeploy: subscribing ${AZURE_FUNCTION_APP_NAME}/${ARTICLES_TRIGGER_FUNCTION_NAME} to blobs created in '${ARTICLES_CONTAINER_NAME}'."
az deployment group create \
  --subscription "${subscription}" \
  --resource-group "${AZURE_RESOURCE_GROUP}" \
  --name "articles-subscription" \
  --template-file "${template}" \
  --parameters \
    functionAppName="${AZURE_FUNCTION_APP_NAME}" \
    systemTopicName="${ARTICLES_EVENTS_SYSTEM_TOPIC_NAME}" \
    containerName="${ARTICLES_CONTAINER_NAME}" \
    triggerFunctionName="${ARTICLES_TRIGGER_FUNCTION_NAME}" \
  --output none

echo "postdeploy: Event Grid subscription is in place."
